using System.Text;
using SkillsAcademy.TestUtilities;

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
