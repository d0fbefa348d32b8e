using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;
using SkillsAcademy.Infrastructure.Files;
using SkillsAcademy.Infrastructure.Persistence;

namespace SkillsAcademy.Web.Platform;

/// <summary>
/// What running several nodes behind a load balancer needs beyond one process: secrets from files (Docker/Kubernetes
/// secrets), the proxy's forwarded headers, and the file store on a shared folder. Data Protection keys (in the
/// database), Hangfire's storage and the health checks are wired in <see cref="PlatformRegistration"/>.
/// </summary>
public static class ScaleOutRegistration
{
    /// <summary>A folder of files named like settings (<c>Credentials__SigningKeyPem</c>), one value per file.</summary>
    public const string SecretsDirectoryKey = "Secrets:Directory";

    public static WebApplicationBuilder AddScaleOut(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;

        if (configuration[SecretsDirectoryKey] is { Length: > 0 } secrets)
        {
            var folder = Path.GetFullPath(secrets, builder.Environment.ContentRootPath);
            if (!Directory.Exists(folder))
            {
                throw new OptionsValidationException("Secrets", typeof(ScaleOutRegistration), [$"{SecretsDirectoryKey} '{folder}' is not a folder."]);
            }

            // Added last, so a secret file wins over appsettings and environment variables.
            configuration.AddKeyPerFile(folder, optional: false);
        }

        services.AddValidatedOptions<ForwardedHeadersSettings>(configuration, ForwardedHeadersSettings.SectionName, ForwardedHeadersSettings.Validate);
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ForwardedHeadersSettings>>((options, settings) =>
        {
            // Not X-Forwarded-Host: nginx passes the Host header itself, and a forged host must not reach absolute URLs.
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            options.ForwardLimit = settings.Value.ForwardLimit;
            if (settings.Value.KnownProxies.Length + settings.Value.KnownNetworks.Length > 0)
            {
                options.KnownProxies.Clear();
                options.KnownIPNetworks.Clear();
                foreach (var proxy in settings.Value.Proxies())
                {
                    options.KnownProxies.Add(proxy);
                }

                foreach (var network in settings.Value.Networks())
                {
                    options.KnownIPNetworks.Add(network);
                }
            }
        });

        // Validated at start: the folder must be writable now, or start-up stops naming Files:Root.
        var contentRoot = builder.Environment.ContentRootPath;
        services.AddOptions<FileStoreOptions>().Bind(configuration.GetSection(FileStoreOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<FileStoreOptions>>(provider => new FileStoreValidator(provider, contentRoot));
        services.AddSingleton(provider => ResolveFileStore(provider, contentRoot));
        services.AddSingleton<IFileStore>(provider => new LocalFileStore(provider.GetRequiredService<FileStoreSettings>().Root));
        return builder;
    }

    public static WebApplication UseScaleOut(this WebApplication app)
    {
        app.UseForwardedHeaders();
        return app;
    }

    private static FileStoreSettings ResolveFileStore(IServiceProvider provider, string contentRoot)
    {
        var (settings, failures) = FileStoreSettings.Resolve(
            provider.GetRequiredService<IOptions<FileStoreOptions>>().Value, contentRoot, provider.GetRequiredService<DatabaseSettings>().DataDirectory);
        return settings ?? throw new OptionsValidationException(FileStoreOptions.SectionName, typeof(FileStoreOptions), failures);
    }

    private sealed class FileStoreValidator(IServiceProvider provider, string contentRoot) : IValidateOptions<FileStoreOptions>
    {
        public ValidateOptionsResult Validate(string? name, FileStoreOptions options)
        {
            var (_, failures) = FileStoreSettings.Resolve(options, contentRoot, provider.GetRequiredService<DatabaseSettings>().DataDirectory);
            return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
        }
    }
}
