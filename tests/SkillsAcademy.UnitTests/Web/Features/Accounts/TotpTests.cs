using System.Text;
using SkillsAcademy.TestUtilities;
using SkillsAcademy.Web.Features.Accounts;

namespace SkillsAcademy.UnitTests.Web.Features.Accounts;

/// <summary>The tests' authenticator matches RFC 6238's own test vectors, so a code it computes is a real one.</summary>
public sealed class TotpTests
{
    private static readonly byte[] Rfc6238Secret = Encoding.ASCII.GetBytes("12345678901234567890");

    [Theory]
    [InlineData(59, "94287082")]
    [InlineData(1111111109, "07081804")]
    [InlineData(1234567890, "89005924")]
    [InlineData(20000000000, "65353130")]
    public void Codes_match_the_rfc_6238_sha1_test_vectors(long unixSeconds, string expected)
    {
        Totp.Code(Rfc6238Secret, unixSeconds / 30, digits: 8).ShouldBe(expected);
    }

    [Fact]
    public void A_base32_key_decodes_to_its_bytes_whatever_the_spacing_and_case()
    {
        // RFC 4648: "foobar" is MZXW6YTBOI======.
        Totp.Base32Decode("mzxw 6ytb oi").ShouldBe(Encoding.ASCII.GetBytes("foobar"));
        Totp.Code("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", DateTimeOffset.FromUnixTimeSeconds(59), digits: 8).ShouldBe("94287082");
    }
}

/// <summary>The server's own code computation agrees with RFC 6238 and with the tests' authenticator.</summary>
public sealed class OneUseAuthenticatorCodeTests
{
    [Theory]
    [InlineData(59, "287082")]
    [InlineData(1111111109, "081804")]
    [InlineData(1234567890, "005924")]
    public void Codes_are_the_last_six_digits_of_the_rfc_6238_vectors(long unixSeconds, string expected)
    {
        OneUseAuthenticatorTokenProvider.Code(Encoding.ASCII.GetBytes("12345678901234567890"), unixSeconds / 30).ShouldBe(expected);
    }

    [Fact]
    public void Keys_decode_as_base32_and_anything_else_is_refused()
    {
        OneUseAuthenticatorTokenProvider.TryDecodeBase32("MZXW6YTBOI======", out var foobar).ShouldBeTrue();
        foobar.ShouldBe(Encoding.ASCII.GetBytes("foobar"));
        OneUseAuthenticatorTokenProvider.TryDecodeBase32("mzxw6ytboi", out var lower).ShouldBeTrue();
        lower.ShouldBe(foobar);
        OneUseAuthenticatorTokenProvider.TryDecodeBase32("MZXW6YTB01", out _).ShouldBeFalse("0 and 1 are not base32");
        OneUseAuthenticatorTokenProvider.TryDecodeBase32("", out _).ShouldBeFalse();
    }

    [Fact]
    public void A_random_key_gives_the_same_code_as_the_tests_authenticator()
    {
        var key = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
        var at = new DateTimeOffset(2026, 11, 25, 2, 0, 0, TimeSpan.Zero);
        OneUseAuthenticatorTokenProvider.TryDecodeBase32(key, out var secret).ShouldBeTrue();
        OneUseAuthenticatorTokenProvider.Code(secret, at.ToUnixTimeSeconds() / 30).ShouldBe(Totp.Code(key, at));
    }
}
