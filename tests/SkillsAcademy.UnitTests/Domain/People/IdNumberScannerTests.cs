using System.Text;
using SkillsAcademy.TestUtilities;

namespace SkillsAcademy.UnitTests.Domain.People;

/// <summary>The scanner the personal-data tests rely on finds real ID numbers and nothing else.</summary>
public sealed class IdNumberScannerTests
{
    [Fact]
    public void It_finds_a_valid_number_in_text_and_inside_longer_digit_runs_and_ignores_a_wrong_check_character()
    {
        IdNumberScanner.FindAll("姓名 张伟 身份证 11010519491231002X。").ShouldBe(["11010519491231002X"]);
        IdNumberScanner.FindAll("lower case 11010519491231002x too").ShouldBe(["11010519491231002X"]);
        IdNumberScanner.FindAll("110105194912310021").ShouldBeEmpty();
        // Inside a longer digit run (columns side by side in a database record) a number still counts.
        IdNumberScanner.FindAll("911010519491231002X1").ShouldBe(["11010519491231002X"]);
        IdNumberScanner.FindAll("138****800011010519491231002X2026").ShouldBe(["11010519491231002X"]);
        IdNumberScanner.FindAll("1101051949123100X2").ShouldBeEmpty();
        IdNumberScanner.FindAll("ticks 638999999999999999").ShouldBeEmpty();
    }

    [Fact]
    public void Generated_numbers_are_valid_and_distinct_and_found_in_utf8_and_utf16_bytes()
    {
        var numbers = Enumerable.Range(1, 50).Select(IdNumberScanner.ValidNumber).ToList();
        numbers.ShouldAllBe(n => IdNumberScanner.IsValid(n));
        numbers.Distinct().Count().ShouldBe(50);

        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllBytes(file, [.. Encoding.UTF8.GetBytes("a" + numbers[0] + "b"), 0, 1, .. Encoding.Unicode.GetBytes("c" + numbers[1] + "d")]);
            IdNumberScanner.FindAllInFile(file).Order().ShouldBe(new[] { numbers[0], numbers[1] }.Order());
        }
        finally
        {
            File.Delete(file);
        }
    }
}
