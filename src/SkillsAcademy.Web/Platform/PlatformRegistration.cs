using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using FluentValidation;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MudBlazor.Services;
using SkillsAcademy.Infrastructure.Jobs;
using SkillsAcademy.Infrastructure.PersonalData;
using SkillsAcademy.Infrastructure.Persistence;

namespace SkillsAcademy.Web.Platform;

public static class PlatformRegistration
{
    /// <summary>The environment the tests run the app in (also as separate processes).</summary>
    public const string TestingEnvironment = "Testing";

    /// <summary>Options, database, jobs, localization, health checks and the Blazor host.</summary>
    public static WebApplicationBuilder AddPlatform(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;
        // First, so that secrets files are read before any setting is.
        builder.AddScaleOut();
        if (builder.Environment.IsEnvironment(TestingEnvironment))
        {
            // Tests run the build output, not a publish: static web assets come from their projects, as in Development.
            builder.WebHost.UseStaticWebAssets();
        }

        // The first hosted service: migrations finish before Data Protection reads its keys or any job runs.
        // Also a singleton of its own, for the one-shot --migrate run.
        services.AddSingleton<DatabaseStartup>();
        services.AddHostedService(provider => provider.GetRequiredService<DatabaseStartup>());

        services.AddValidatedOptions<PlatformOptions>(configuration, PlatformOptions.SectionName, PlatformOptions.Validate);
        services.AddValidatedOptions<DemoDataOptions>(configuration, DemoDataOptions.SectionName, DemoDataOptions.Validate);
        services.AddValidatedOptions<PersonalDataOptions>(configuration, PersonalDataOptions.SectionName, PersonalDataOptions.Validate);
        services.TryAddSingleton(TimeProvider.System);

        // The provider decides which services exist, so the database settings are checked right here.
        var database = DatabaseSettings.Resolve(configuration, builder.Environment.ContentRootPath);
        var jobs = configuration.GetSection(JobsOptions.SectionName).Get<JobsOptions>() ?? new JobsOptions();
        var jobFailures = JobsOptions.Validate(jobs);
        if (jobFailures.Count > 0)
        {
            throw new Microsoft.Extensions.Options.OptionsValidationException(JobsOptions.SectionName, typeof(JobsOptions), jobFailures);
        }

        services.AddSingleton(database);
        services.AddPooledDbContextFactory<SkillsAcademyDbContext>(
            options => options.UseSkillsAcademyDatabase(database.Provider, database.ConnectionString));
        // Identity's stores and Data Protection resolve a scoped context; it comes from the same pool.
        services.AddScoped(provider =>
            provider.GetRequiredService<IDbContextFactory<SkillsAcademyDbContext>>().CreateDbContext());

        services.AddDataProtection()
            .SetApplicationName("SkillsAcademy")
            .PersistKeysToDbContext<SkillsAcademyDbContext>();
        services.AddSingleton<PersonalDataProtector>();

        services.AddSkillsAcademyHangfire(database, jobs);

        // Every request validator of the app; the package validator is built per import with that package's files.
        services.AddValidatorsFromAssemblyContaining<PlatformOptions>(
            ServiceLifetime.Scoped,
            filter: v => v.ValidatorType != typeof(Features.Authoring.Packages.CoursePackageValidator));
        services.AddLocalization();
        services.Configure<RequestLocalizationOptions>(options =>
        {
            var cultures = Cultures.Supported.Select(CultureInfo.GetCultureInfo).ToList();
            options.DefaultRequestCulture = new RequestCulture(Cultures.Default);
            options.SupportedCultures = cultures;
            options.SupportedUICultures = cultures;
            // The cookie decides; the browser's language is not consulted, so the default stays Chinese.
            options.RequestCultureProviders = [new CookieRequestCultureProvider()];
        });

        services.AddPlatformRateLimits(configuration);
        services.AddLoadBaseline(configuration, builder.Environment.IsProduction());
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: [HealthCheckEndpoints.ReadyTag])
            .AddCheck<JobStorageHealthCheck>("jobs", tags: [HealthCheckEndpoints.ReadyTag])
            .AddCheck<FileStoreHealthCheck>("files", tags: [HealthCheckEndpoints.ReadyTag]);

        // Chinese text as itself (3 bytes in UTF-8), not as numeric character references (8 bytes each, and the slow
        // path of the encoder): HTML's special characters are still encoded (docs/performance.md, "Capacity: pages").
        services.AddWebEncoders(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices();
        services.AddHttpContextAccessor();
        builder.AddPlatformSecurity();
        return builder;
    }

    public static WebApplication UsePlatform(this WebApplication app)
    {
        // First: everything after it sees the client's address and scheme, not the proxy's.
        app.UseScaleOut();
        app.UsePlatformSecurity();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error", createScopeForErrors: true);
            app.UseHsts();
        }

        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.UseRequestLocalization();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        // After localization and authentication: cached pages vary by language and are only for visitors.
        app.UseOutputCache();
        app.UseAntiforgery();
        return app;
    }

    public static WebApplication MapPlatform(this WebApplication app)
    {
        app.MapStaticAssets();
        app.MapPlatformHealthChecks();
        app.MapMemoryDiagnostics();
        app.MapCultureSwitch();
        app.MapLoadBaseline();
        app.MapRazorComponents<Components.App>().AddInteractiveServerRenderMode();
        return app;
    }
}
