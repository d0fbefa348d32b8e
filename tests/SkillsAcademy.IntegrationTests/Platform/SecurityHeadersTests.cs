using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SkillsAcademy.TestUtilities;

namespace SkillsAcademy.IntegrationTests.Platform;

/// <summary>
/// Response headers (ASVS 5.0 V3 Web Frontend Security), the generic error page with a correlation id that is also in the log (V16),
/// antiforgery on the sign-out post (V3) and the explicit circuit limits with detailed errors off outside Development.
/// </summary>
public sealed partial class SecurityHeadersTests(SecurityHeadersTests.Fixture app) : IClassFixture<SecurityHeadersTests.Fixture>
{
    private const string BoomPath = "/test-only/boom";
    private readonly WebApplicationFactory<Program> _factory = app.Factory;
    private readonly CapturingLoggerProvider _logs = app.Logs;

    /// <summary>The app with a path that throws and a log the test can read.</summary>
    public sealed class Fixture : IAsyncLifetime
    {
        private readonly TestDataDirectory _data = new();

        public CapturingLoggerProvider Logs { get; } = new();

        public WebApplicationFactory<Program> Factory { get; private set; } = default!;

        public ValueTask InitializeAsync()
        {
            Factory = new SkillsAcademyWebFactory(_data.Path, new Dictionary<string, string?>
            {
                ["Circuits:JSInteropTimeoutSeconds"] = "17",
                ["Circuits:MaxReceiveMessageKilobytes"] = "48",
            }).WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
            {
                services.AddSingleton<ILoggerProvider>(Logs);
                services.AddTransient<IStartupFilter, ThrowAtTheEnd>();
            }));
            Factory.Server.ShouldNotBeNull();
            return ValueTask.CompletedTask;
        }

        public async ValueTask DisposeAsync()
        {
            await Factory.DisposeAsync();
            _data.Dispose();
        }
    }

    private HttpClient Client() => _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    private static void ShouldCarryTheSecurityHeaders(HttpResponseMessage response)
    {
        response.Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"]);
        response.Headers.GetValues("X-Frame-Options").ShouldBe(["DENY"]);
        response.Headers.GetValues("Referrer-Policy").ShouldBe(["strict-origin-when-cross-origin"]);
        response.Headers.GetValues("Permissions-Policy").Single().ShouldContain("camera=()");
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        csp.ShouldContain("frame-ancestors 'none'");
        csp.ShouldContain("default-src 'self'");
        csp.ShouldContain("base-uri 'self'");
        csp.ShouldContain("form-action 'self'");
        ScriptSources(csp).ShouldNotContain("'unsafe-inline'");
        ScriptSources(csp).ShouldNotContain("'unsafe-eval'");
    }

    private static string ScriptSources(string csp) =>
        csp.Split(';').Select(d => d.Trim()).Single(d => d.StartsWith("script-src ", StringComparison.Ordinal));

    [Theory]
    [InlineData("/")]
    [InlineData("/catalog")]
    [InlineData("/account/login")]
    [InlineData("/verify")]
    public async Task Pages_carry_the_headers_and_the_policy_allows_exactly_the_inline_import_map(string path)
    {
        using var client = Client();

        using var response = await client.GetAsync(path);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        ShouldCarryTheSecurityHeaders(response);
        var html = await response.Content.ReadAsStringAsync();
        var inline = InlineScripts().Matches(html).Select(m => m.Groups["body"].Value).ToList();
        inline.ShouldNotBeEmpty("the page renders its import map inline");
        var scriptSources = ScriptSources(response.Headers.GetValues("Content-Security-Policy").Single());
        foreach (var body in inline)
        {
            scriptSources.ShouldContain($"'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(body)))}'");
        }
    }

    [Theory]
    [InlineData("/api/certificates/verify/FJZGH-2026-00000001?code=ABCDEFGHJK", HttpStatusCode.NotFound)]
    [InlineData("/.well-known/jwks.json", HttpStatusCode.OK)]
    [InlineData("/media/courses/none/missing.mp4", HttpStatusCode.NotFound)]
    [InlineData("/learning", HttpStatusCode.Redirect)]
    public async Task Endpoints_redirects_and_not_found_answers_carry_the_headers_too(string path, HttpStatusCode status)
    {
        using var client = Client();

        using var response = await client.GetAsync(path);

        response.StatusCode.ShouldBe(status);
        ShouldCarryTheSecurityHeaders(response);
    }

    [Fact]
    public async Task An_unhandled_exception_shows_the_generic_error_page_with_a_correlation_id_that_is_in_the_log()
    {
        using var client = Client();

        using var response = await client.GetAsync(BoomPath);

        response.StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
        ShouldCarryTheSecurityHeaders(response);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        html.ShouldContain("出错了");
        html.ShouldNotContain(ThrowAtTheEnd.Secret);
        html.ShouldNotContain(nameof(ThrowAtTheEnd));
        var id = CorrelationIdOnPage().Match(html).Groups["id"].Value;
        id.Length.ShouldBeGreaterThanOrEqualTo(16);
        var logged = _logs.Entries.Where(e => e.Level == LogLevel.Error && e.Message.Contains(id, StringComparison.Ordinal)).ToList();
        logged.ShouldNotBeEmpty("the id on the page must find the exception in the log");
        logged.ShouldContain(e => e.Exception != null && e.Exception.Contains(ThrowAtTheEnd.Secret) && e.Message.Contains(BoomPath));
    }

    [Fact]
    public async Task Signing_out_needs_the_antiforgery_token_so_another_site_cannot_sign_a_user_out()
    {
        using var client = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        using var login = await client.LogInAsync(SkillsAcademyWebFactory.LearnerAccount, SkillsAcademyWebFactory.DemoPassword);
        login.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        using var forged = await client.PostAsync("/account/logout", new FormUrlEncodedContent(new Dictionary<string, string>()));
        forged.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        using (var still = await client.GetAsync("/learning"))
        {
            still.StatusCode.ShouldBe(HttpStatusCode.OK, "the forged post did not sign the learner out");
        }

        using var real = await client.PostWithAntiforgeryAsync("/account/logout");
        real.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        using var after = await client.GetAsync("/learning");
        after.StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public void Circuit_and_hub_limits_come_from_configuration_and_detailed_errors_are_off_outside_development()
    {
        var circuit = _factory.Services.GetRequiredService<IOptions<CircuitOptions>>().Value;
        circuit.DetailedErrors.ShouldBeFalse();
        circuit.JSInteropDefaultCallTimeout.ShouldBe(TimeSpan.FromSeconds(17));
        circuit.MaxBufferedUnacknowledgedRenderBatches.ShouldBe(10);
        circuit.DisconnectedCircuitMaxRetained.ShouldBe(100);
        circuit.DisconnectedCircuitRetentionPeriod.ShouldBe(TimeSpan.FromMinutes(3));

        var hubOptionsType = typeof(HubOptions<>).MakeGenericType(typeof(CircuitOptions).Assembly.GetType("Microsoft.AspNetCore.Components.Server.ComponentHub", throwOnError: true)!);
        var hubOptions = _factory.Services.GetRequiredService(typeof(IOptions<>).MakeGenericType(hubOptionsType));
        var hub = (HubOptions)hubOptions.GetType().GetProperty("Value")!.GetValue(hubOptions)!;
        hub.MaximumReceiveMessageSize.ShouldBe(48 * 1024);
        hub.MaximumParallelInvocationsPerClient.ShouldBe(1);
        hub.EnableDetailedErrors.ShouldBe(false);
    }

    [GeneratedRegex("""<script(?![^>]*\bsrc=)[^>]*>(?<body>.*?)</script>""", RegexOptions.Singleline)]
    private static partial Regex InlineScripts();

    [GeneratedRegex("""<code id="correlation-id">(?<id>[^<]+)</code>""")]
    private static partial Regex CorrelationIdOnPage();

    /// <summary>A request that reaches the end of the app's pipeline with this path throws, as a bug would.</summary>
    private sealed class ThrowAtTheEnd : IStartupFilter
    {
        public const string Secret = "connection-string-that-must-not-leak";

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Run(context => context.Request.Path == BoomPath
                ? throw new InvalidOperationException(Secret)
                : Task.CompletedTask);
        };
    }
}
