using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace SkillsAcademy.Infrastructure.Credentials;

/// <summary>Registers the credential signer with its options, checked when the host starts.</summary>
public static class CredentialSigningRegistration
{
    /// <param name="contentRootPath">Where a relative <see cref="CredentialSigningOptions.DevelopmentKeyFile"/> lives.</param>
    public static IServiceCollection AddCredentialSigning(this IServiceCollection services, IConfiguration configuration, string contentRootPath)
    {
        services.AddOptions<CredentialSigningOptions>()
            .Bind(configuration.GetSection(CredentialSigningOptions.SectionName))
            .PostConfigure(options =>
            {
                if (string.IsNullOrWhiteSpace(options.SigningKeyPem) && !string.IsNullOrWhiteSpace(options.DevelopmentKeyFile))
                {
                    options.SigningKeyPem = LoadOrCreateDevelopmentKey(Path.GetFullPath(options.DevelopmentKeyFile, contentRootPath));
                }
            })
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CredentialSigningOptions>, CredentialSigningOptionsValidator>());
        services.TryAddSingleton<CredentialSigner>();
        return services;
    }

    /// <summary>Reads the PEM at <paramref name="path"/>, or makes a new P-256 key there readable by the owner only.</summary>
    public static string LoadOrCreateDevelopmentKey(string path)
    {
        if (File.Exists(path))
        {
            return File.ReadAllText(path);
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var pem = key.ExportPkcs8PrivateKeyPem();
        try
        {
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            using var writer = new StreamWriter(path, options);
            writer.Write(pem);
            return pem;
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process of the app created it first: use that one, so both sign with the same key.
            return File.ReadAllText(path);
        }
    }

    private sealed class CredentialSigningOptionsValidator : IValidateOptions<CredentialSigningOptions>
    {
        public ValidateOptionsResult Validate(string? name, CredentialSigningOptions options)
        {
            var failures = CredentialSigningOptions.Validate(options);
            return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
        }
    }
}
