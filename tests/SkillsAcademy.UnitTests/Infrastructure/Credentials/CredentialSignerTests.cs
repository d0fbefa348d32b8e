using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using SkillsAcademy.Infrastructure.Credentials;

namespace SkillsAcademy.UnitTests.Infrastructure.Credentials;

public sealed class CredentialSignerTests
{
    private static readonly string s_pem = NewKeyPem();

    private static string NewKeyPem()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        return key.ExportPkcs8PrivateKeyPem();
    }

    private static CredentialSigner Signer(string pem) => new(Options.Create(new CredentialSigningOptions { SigningKeyPem = pem }));

    private static JsonObject Credential(string learner = "张晓明") => OpenBadgeCredential.Create(
        new BadgeCredentialContent(
            new Uri("https://skills.example.cn/verify/K7M2Q9XW4T"),
            new Uri("https://skills.example.cn/issuers/fjzgh"),
            "福建省职工职业技能培训中心",
            learner,
            new Uri("https://skills.example.cn/courses/welding-intermediate"),
            "焊工（中级）实操与安全规范",
            "焊工",
            "6-18-02-04",
            "四级 / 中级工",
            48m,
            new DateOnly(2026, 11, 20),
            new DateTimeOffset(2026, 11, 24, 8, 30, 0, TimeSpan.FromHours(8)),
            "FJZGH-2026-00000001"),
        "a1b2c3d4");

    private static string Part(string jws, int index) => jws.Split('.')[index];

    private static string Encode(string json) => System.Buffers.Text.Base64Url.EncodeToString(Encoding.UTF8.GetBytes(json));

    private static string Decode(string part) => Encoding.UTF8.GetString(System.Buffers.Text.Base64Url.DecodeFromChars(part));

    [Fact]
    public void A_signed_credential_verifies_with_the_published_public_key()
    {
        using var signer = Signer(s_pem);
        var jws = signer.Sign(Credential());

        var result = CredentialSigner.Verify(jws, JsonNode.Parse(signer.PublicJwk.ToJsonString())!.AsObject());

        result.IsValid.ShouldBeTrue(result.Failure);
        result.Credential!["credentialSubject"]!["achievement"]!["name"]!.GetValue<string>().ShouldBe("焊工（中级）实操与安全规范");
        signer.Verify(jws).IsValid.ShouldBeTrue();
    }

    [Fact]
    public void The_JWS_header_names_ES256_the_vc_jwt_type_and_the_key()
    {
        using var signer = Signer(s_pem);

        var header = JsonNode.Parse(Decode(Part(signer.Sign(Credential()), 0)))!;

        header["alg"]!.GetValue<string>().ShouldBe("ES256");
        header["typ"]!.GetValue<string>().ShouldBe("vc+jwt");
        header["kid"]!.GetValue<string>().ShouldBe(signer.KeyId);
        signer.PublicJwk["kty"]!.GetValue<string>().ShouldBe("EC");
        signer.PublicJwk["crv"]!.GetValue<string>().ShouldBe("P-256");
        signer.PublicJwk.ContainsKey("d").ShouldBeFalse();
    }

    [Fact]
    public void Altering_the_credential_json_fails_verification()
    {
        using var signer = Signer(s_pem);
        var jws = signer.Sign(Credential());
        var altered = Decode(Part(jws, 1)).Replace("48", "96", StringComparison.Ordinal);

        var result = signer.Verify($"{Part(jws, 0)}.{Encode(altered)}.{Part(jws, 2)}");

        altered.ShouldNotBe(Decode(Part(jws, 1)));
        result.IsValid.ShouldBeFalse();
        result.Credential.ShouldBeNull();
    }

    [Fact]
    public void A_credential_signed_by_another_key_fails_verification()
    {
        using var platform = Signer(s_pem);
        using var impostor = Signer(NewKeyPem());

        platform.Verify(impostor.Sign(Credential())).IsValid.ShouldBeFalse();
    }

    [Fact]
    public void A_token_that_claims_no_algorithm_is_rejected()
    {
        using var signer = Signer(s_pem);
        var jws = signer.Sign(Credential());

        var result = signer.Verify($"{Encode("{\"alg\":\"none\",\"typ\":\"vc+jwt\"}")}.{Part(jws, 1)}.");

        result.IsValid.ShouldBeFalse();
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-a-jws")]
    [InlineData("a.b.c")]
    [InlineData("!!.??.**")]
    public void Malformed_tokens_fail_verification_without_throwing(string jws)
    {
        using var signer = Signer(s_pem);

        signer.Verify(jws).IsValid.ShouldBeFalse();
    }

    [Fact]
    public void The_credential_is_an_Open_Badges_3_credential_that_does_not_reveal_the_learners_name()
    {
        var credential = Credential();
        var json = credential.ToJsonString();

        credential["@context"]!.AsArray().Select(c => c!.GetValue<string>()).ShouldBe(
            ["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"]);
        credential["type"]!.AsArray().Select(c => c!.GetValue<string>()).ShouldBe(["VerifiableCredential", "OpenBadgeCredential"]);
        credential["validFrom"]!.GetValue<string>().ShouldBe("2026-11-24T00:30:00Z");
        credential["credentialSubject"]!["identifier"]![0]!["identityHash"]!.GetValue<string>()
            .ShouldBe(OpenBadgeCredential.IdentityHash("张晓明", "a1b2c3d4"));
        json.ShouldNotContain("张晓明");
    }
}
