using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace SkillsAcademy.TestUtilities;

/// <summary>
/// The real application on a real SQLite file in <paramref name="dataDirectory"/>, with demo accounts and a
/// Hangfire server. Settings can be overridden per test; time can be a <see cref="FakeTimeProvider"/>; the log can also
/// go to <paramref name="logTo"/> (which the caller disposes after the app).
/// </summary>
public sealed class SkillsAcademyWebFactory(
    string dataDirectory,
    IReadOnlyDictionary<string, string?>? settings = null,
    TimeProvider? timeProvider = null,
    ILoggerProvider? logTo = null) : WebApplicationFactory<Program>
{
    public const string DemoPassword = "Demo2026";
    public const string LearnerAccount = "13800138000";
    public const string InstructorAccount = "instructor@demo.skillsacademy.cn";
    public const string StaffAccount = "staff@demo.skillsacademy.cn";
    public const string AdminAccount = "admin@demo.skillsacademy.cn";

    public static IReadOnlyDictionary<string, string?> DefaultSettings(string dataDirectory) => new Dictionary<string, string?>
    {
        ["Database:Provider"] = "Sqlite",
        ["Database:DataDirectory"] = dataDirectory,
        ["ConnectionStrings:SkillsAcademy"] = "",
        ["PersonalData:LookupKey"] = Convert.ToBase64String("integration-tests-lookup-key-0123456789"u8.ToArray()),
        ["DemoData:Enabled"] = "true",
        ["DemoData:Password"] = DemoPassword,
        ["Jobs:QueuePollIntervalSeconds"] = "1",
        ["Credentials:DevelopmentKeyFile"] = Path.Combine(dataDirectory, "credential-signing-key.pem"),
        ["Logging:Console:FormatterName"] = "simple",
        ["Logging:LogLevel:Default"] = "Warning",
        ["Logging:LogLevel:Microsoft.AspNetCore.DataProtection"] = "Error",
        // Tests log in, claim and redeem far more often than a person; the rate-limit tests set their own limits.
        ["RateLimits:LogInPerMinute"] = "100000",
        ["RateLimits:RegistrationPerMinute"] = "100000",
        ["RateLimits:VoucherClaimPerMinute"] = "100000",
        ["RateLimits:VoucherRedemptionPerMinute"] = "100000",
        ["RateLimits:CheckInPerMinute"] = "100000",
        // The demo staff and admin accounts sign in with a password only, as in Development; TwoFactorTests turn it on.
        ["Security:RequireMfaForStaff"] = "false",
    };

    /// <summary>The http://127.0.0.1:port address once <see cref="StartKestrel"/> has run.</summary>
    public Uri? ServerAddress { get; private set; }

    /// <summary>Serves on a real loopback port (for the browser tests) instead of the in-memory test server.</summary>
    public Uri StartKestrel()
    {
        UseKestrel(options => options.Listen(System.Net.IPAddress.Loopback, 0));
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
        ServerAddress = new Uri(addresses.Addresses.First());
        return ServerAddress;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        // As strict as Development: a service that cannot be built fails the test host at start.
        builder.UseDefaultServiceProvider(options =>
        {
            options.ValidateOnBuild = true;
            options.ValidateScopes = true;
        });
        builder.UseStaticWebAssets();
        foreach (var (key, value) in DefaultSettings(dataDirectory))
        {
            builder.UseSetting(key, value);
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }

        if (timeProvider is not null)
        {
            builder.ConfigureTestServices(services => services.AddSingleton(timeProvider));
        }

        if (logTo is not null)
        {
            builder.ConfigureTestServices(services => services.AddSingleton(logTo));
        }
    }
}
