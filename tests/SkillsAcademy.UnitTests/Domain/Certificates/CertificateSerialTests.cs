using SkillsAcademy.Domain.Certificates;

namespace SkillsAcademy.UnitTests.Domain.Certificates;

public sealed class CertificateSerialTests
{
    [Fact]
    public void A_serial_is_issuer_year_and_eight_digit_sequence()
    {
        var serial = CertificateSerial.Create("FJZGH", 2026, 42);

        serial.Value.ShouldBe("FJZGH-2026-00000042");
        serial.ToString().ShouldBe("FJZGH-2026-00000042");
    }

    [Theory]
    [InlineData("FJZGH-2026-00000042", "FJZGH", 2026, 42)]
    [InlineData("FJ-2000-00000001", "FJ", 2000, 1)]
    [InlineData("ABCDE12345-9999-99999999", "ABCDE12345", 9999, 99_999_999)]
    [InlineData("  fjzgh-2026-00000042 ", "FJZGH", 2026, 42)]
    public void A_serial_is_parsed_into_its_parts(string input, string issuer, int year, int sequence)
    {
        var serial = CertificateSerial.Parse(input);

        serial.Issuer.ShouldBe(issuer);
        serial.Year.ShouldBe(year);
        serial.Sequence.ShouldBe(sequence);
        serial.ShouldBe(CertificateSerial.Create(issuer, year, sequence));
        CertificateSerial.Parse(serial.Value).ShouldBe(serial);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("F-2026-00000001")]
    [InlineData("ABCDEFGHIJK-2026-00000001")]
    [InlineData("FJ_ZGH-2026-00000001")]
    [InlineData("福建-2026-00000001")]
    [InlineData("FJZGH-26-00000001")]
    [InlineData("FJZGH-1999-00000001")]
    [InlineData("FJZGH-2026-0000001")]
    [InlineData("FJZGH-2026-000000001")]
    [InlineData("FJZGH-2026-00000000")]
    [InlineData("FJZGH-2026-+0000001")]
    [InlineData("FJZGH-2026-0000000１")]
    [InlineData("FJZGH-2026-00000001-X")]
    [InlineData("FJZGH2026-00000001")]
    [InlineData("FJZGH 2026 00000001")]
    public void Anything_else_is_not_a_serial(string? input)
    {
        CertificateSerial.TryParse(input, out var serial).ShouldBeFalse();
        serial.ShouldBeNull();
    }

    [Fact]
    public void Parse_throws_a_format_exception_for_a_malformed_serial()
    {
        Should.Throw<FormatException>(() => CertificateSerial.Parse("FJZGH-2026-42"));
    }

    [Theory]
    [InlineData("F", 2026, 1)]
    [InlineData("fjzgh", 2026, 1)]
    [InlineData("FJ-ZGH", 2026, 1)]
    [InlineData("FJZGH", 1999, 1)]
    [InlineData("FJZGH", 10000, 1)]
    [InlineData("FJZGH", 2026, 0)]
    [InlineData("FJZGH", 2026, 100_000_000)]
    public void Create_refuses_parts_that_do_not_fit_the_format(string issuer, int year, int sequence)
    {
        Should.Throw<ArgumentException>(() => CertificateSerial.Create(issuer, year, sequence));
    }
}
