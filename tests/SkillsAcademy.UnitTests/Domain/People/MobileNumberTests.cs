using SkillsAcademy.Domain.People;

namespace SkillsAcademy.UnitTests.Domain.People;

public sealed class MobileNumberTests
{
    [Theory]
    [InlineData("13800138000", "13800138000")]
    [InlineData(" 138 0013 8000 ", "13800138000")]
    [InlineData("138-0013-8000", "13800138000")]
    [InlineData("１３８００１３８０００", "13800138000")]
    [InlineData("+8613800138000", "13800138000")]
    [InlineData("8619912345678", "19912345678")]
    public void Valid_numbers_are_normalised(string input, string expected)
    {
        MobileNumber.TryParse(input, out var number).ShouldBeTrue();
        number!.Value.ShouldBe(expected);
    }

    [Theory]
    [InlineData("")]
    [InlineData("1380013800")]
    [InlineData("138001380001")]
    [InlineData("12800138000")]
    [InlineData("23800138000")]
    [InlineData("1380013800a")]
    [InlineData(null)]
    public void Malformed_numbers_are_refused(string? input) => MobileNumber.TryParse(input, out _).ShouldBeFalse();

    [Fact]
    public void The_number_is_masked_on_screen_and_in_strings()
    {
        MobileNumber.TryParse("13800138000", out var number).ShouldBeTrue();

        number!.Masked.ShouldBe("138****8000");
        number.ToString().ShouldBe("138****8000");
        $"{number}".ShouldNotContain("13800138000");
    }

    [Theory]
    [InlineData("13800138000", true)]
    [InlineData("+86 138", true)]
    [InlineData("worker@example.com", false)]
    [InlineData("张三", false)]
    public void Digits_look_like_a_mobile_number_and_anything_else_does_not(string input, bool expected) =>
        MobileNumber.LooksLikeMobileNumber(input).ShouldBe(expected);
}
