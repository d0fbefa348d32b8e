using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SkillsAcademy.Infrastructure.Credentials;

namespace SkillsAcademy.UnitTests.Infrastructure.Credentials;

public sealed class CredentialSigningOptionsTests
{
    private static IReadOnlyList<string> Validate(string pem) =>
        CredentialSigningOptions.Validate(new CredentialSigningOptions { SigningKeyPem = pem });

    [Fact]
    public void A_P256_PKCS8_key_is_accepted()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);

        Validate(key.ExportPkcs8PrivateKeyPem()).ShouldBeEmpty();
    }

    [Fact]
    public void A_missing_key_is_rejected_naming_the_setting()
    {
        Validate("").ShouldHaveSingleItem().ShouldContain("Credentials:SigningKeyPem");
    }

    [Fact]
    public void A_malformed_key_is_rejected_naming_the_setting()
    {
        var pem = "-----BEGIN PRIVATE KEY-----\nbm90IGEga2V5\n-----END PRIVATE KEY-----";

        Validate(pem).ShouldHaveSingleItem().ShouldContain("Credentials:SigningKeyPem");
    }

    [Fact]
    public void A_key_on_another_curve_is_rejected()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP384);

        Validate(key.ExportPkcs8PrivateKeyPem()).ShouldHaveSingleItem().ShouldContain("P-256");
    }

    [Fact]
    public void An_RSA_key_is_rejected()
    {
        using var key = RSA.Create(2048);

        Validate(key.ExportPkcs8PrivateKeyPem()).ShouldHaveSingleItem().ShouldContain("Credentials:SigningKeyPem");
    }

    [Fact]
    public void A_SEC1_EC_PRIVATE_KEY_block_is_rejected_as_not_PKCS8()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);

        Validate(key.ExportECPrivateKeyPem()).ShouldHaveSingleItem().ShouldContain("PKCS#8");
    }

    [Fact]
    public void Start_up_validation_stops_on_a_malformed_key_with_a_message_naming_the_setting()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Credentials:SigningKeyPem"] = "garbage" })
            .Build();
        using var provider = new ServiceCollection().AddCredentialSigning(configuration, Path.GetTempPath()).BuildServiceProvider();

        var failure = Should.Throw<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        failure.Message.ShouldContain("Credentials:SigningKeyPem");
    }

    [Fact]
    public void Without_a_configured_key_the_development_key_file_is_created_once_and_reused()
    {
        var directory = Directory.CreateTempSubdirectory("credential-key-");
        try
        {
            var configuration = new ConfigurationBuilder()
                .AddInMemoryCollection(new Dictionary<string, string?> { ["Credentials:DevelopmentKeyFile"] = "keys/signing.pem" })
                .Build();
            string KeyId()
            {
                using var provider = new ServiceCollection().AddCredentialSigning(configuration, directory.FullName).BuildServiceProvider();
                provider.GetRequiredService<IStartupValidator>().Validate();
                return provider.GetRequiredService<CredentialSigner>().KeyId;
            }

            var first = KeyId();

            File.Exists(Path.Combine(directory.FullName, "keys", "signing.pem")).ShouldBeTrue();
            KeyId().ShouldBe(first);
            if (!OperatingSystem.IsWindows())
            {
                File.GetUnixFileMode(Path.Combine(directory.FullName, "keys", "signing.pem"))
                    .ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
