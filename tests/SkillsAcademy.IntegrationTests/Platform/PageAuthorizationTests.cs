using System.Net;
using System.Reflection;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SkillsAcademy.Domain.Catalog;
using SkillsAcademy.Infrastructure.Identity;
using SkillsAcademy.Infrastructure.Persistence;
using SkillsAcademy.TestUtilities;
using SkillsAcademy.Web.Features.Authoring;

namespace SkillsAcademy.IntegrationTests.Platform;

/// <summary>One running app and one signed-in client per role, shared by every row of the matrix.</summary>
public sealed class RoleClientsFixture : IAsyncLifetime
{
    private readonly TestDataDirectory _data = new();
    private readonly Dictionary<string, HttpClient> _clients = [];

    public SkillsAcademyWebFactory Factory { get; private set; } = default!;

    public static IReadOnlyDictionary<string, string?> Accounts { get; } = new Dictionary<string, string?>
    {
        [PageAuthorizationTests.Anonymous] = null,
        [PageAuthorizationTests.Learner] = SkillsAcademyWebFactory.LearnerAccount,
        [PageAuthorizationTests.Instructor] = SkillsAcademyWebFactory.InstructorAccount,
        [PageAuthorizationTests.Staff] = SkillsAcademyWebFactory.StaffAccount,
        [PageAuthorizationTests.Admin] = SkillsAcademyWebFactory.AdminAccount,
    };

    public async ValueTask InitializeAsync()
    {
        // The load harness's baseline endpoint is on here, so that the route table below covers it too.
        Factory = new SkillsAcademyWebFactory(_data.Path, new Dictionary<string, string?>
        {
            ["Load:BaselineEndpoint"] = "true",
            ["Load:BaselineDirectory"] = _data.Path,
        });
        foreach (var (role, account) in Accounts)
        {
            _clients[role] = await SignedInClientAsync(account);
        }
    }

    /// <summary>The shared client of a role (never sign it out).</summary>
    public HttpClient Client(string role) => _clients[role];

    public async Task<HttpClient> SignedInClientAsync(string? account)
    {
        var client = Factory.CreateBrowserlessClient();
        if (account is not null)
        {
            using var login = await client.LogInAsync(account, SkillsAcademyWebFactory.DemoPassword);
            login.StatusCode.ShouldBe(HttpStatusCode.Redirect, $"{account} could not log in");
        }

        return client;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients.Values)
        {
            client.Dispose();
        }

        await Factory.DisposeAsync();
        _data.Dispose();
    }
}

/// <summary>
/// Who may open which page or endpoint, for every role. The table below is the single place that says it; the
/// completeness tests enumerate every routable component (its [Route] attributes) and every endpoint the running
/// app maps (EndpointDataSource), and fail when one of them is missing from the table or the table names one that
/// no longer exists. Adding a page or endpoint therefore means adding a row here.
/// </summary>
public sealed class PageAuthorizationTests(RoleClientsFixture app) : IClassFixture<RoleClientsFixture>
{
    public const string Anonymous = "anonymous";
    public const string Learner = "Learner";
    public const string Instructor = "Instructor";
    public const string Staff = "FederationStaff";
    public const string Admin = "Admin";

    private static readonly string[] RoleOrder = [Anonymous, Learner, Instructor, Staff, Admin];

    private const string SomeGuid = "3f2504e0-4f89-41d3-9a0c-0305e82c3301";

    /// <summary>
    /// Method, route template (as the app maps it), a concrete path to request, and the outcome for
    /// anonymous, Learner, Instructor, FederationStaff and Admin, one letter each:
    /// O = 200, N = 404 (let through, the object does not exist or is not the caller's), L = sent to log in,
    /// D = sent to the access-denied page, F = 403, H = redirected home ("/").
    /// </summary>
    private static readonly Row[] Rows =
    [
        // Public pages.
        new("GET", "/", "/", "OOOOO"),
        new("GET", "/catalog", "/catalog", "OOOOO"),
        new("GET", "/courses/{Code}", "/courses/WELD-L5-SMAW", "OOOOO"),
        new("GET", "/verify", "/verify", "OOOOO"),
        new("GET", "/verify/{Serial}", "/verify/FJZGH-2026-00000001?code=ABCDEFGHJK", "NNNNN"),
        new("GET", "/account/login", "/account/login", "OOOOO"),
        new("GET", "/account/register", "/account/register", "OOOOO"),
        new("GET", "/account/access-denied", "/account/access-denied", "OOOOO"),
        new("GET", "/account/login/two-factor", "/account/login/two-factor", "LLLLL"),
        new("GET", "/error", "/error", "OOOOO"),
        new("GET", "/not-found", "/not-found", "OOOOO"),
        new("GET", "/too-many-windows", "/too-many-windows?returnUrl=%2Flearning", "OOOOO"),

        // Learners.
        new("GET", "/learning", "/learning", "LODDD"),
        new("GET", "/learning/{Code}/lessons/{LessonKey:guid}", $"/learning/WELD-L5-SMAW/lessons/{SomeGuid}", "LNDDD"),
        new("GET", "/learning/{Code}/quizzes/{QuizKey}", "/learning/WELD-L5-SMAW/quizzes/m-safety", "LNDDD"),
        new("GET", "/learning-record", "/learning-record", "LODDD"),
        new("GET", "/certificates", "/certificates", "LODDD"),
        new("GET", "/vouchers", "/vouchers", "LODDD"),
        new("GET", "/learning-record/export.csv", "/learning-record/export.csv", "LODDD"),
        new("GET", "/learning-record/export.pdf", "/learning-record/export.pdf", "LODDD"),
        new("GET", "/certificates/{serial}/certificate.pdf", "/certificates/FJZGH-2026-00000001/certificate.pdf", "LNDDD"),
        new("GET", "/certificates/{serial}/credential.jwt", "/certificates/FJZGH-2026-00000001/credential.jwt", "LNDDD"),

        // Every signed-in user.
        new("GET", "/profile", "/profile", "LOOOO"),
        new("GET", "/account/two-factor", "/account/two-factor", "LOOOO"),

        // Instructors (and staff where they may read or import).
        new("GET", "/authoring", "/authoring", "LDODD"),
        new("GET", "/authoring/courses/{CourseId:int}", "/authoring/courses/999999", "LDNDD"),
        new("GET", "/authoring/import", "/authoring/import", "LDOOO"),
        new("GET", "/authoring/courses/{CourseId:int}/results", "/authoring/courses/999999/results", "LDNNN"),
        new("GET", "/authoring/courses/{courseId:int}/package", "/authoring/courses/999999/package", "LDNNN"),

        // Federation staff and administrators.
        new("GET", "/federation", "/federation", "LDDOO"),
        new("GET", "/federation/statistics", "/federation/statistics", "LDDOO"),
        new("GET", "/federation/statistics/rollups", "/federation/statistics/rollups", "LDDOO"),
        new("GET", "/federation/statistics/exports/{id:guid}/download", $"/federation/statistics/exports/{SomeGuid}/download", "LDDNN"),
        new("GET", "/federation/review", "/federation/review", "LDDOO"),
        new("GET", "/federation/review/{VersionId:int}", "/federation/review/999999", "LDDNN"),
        new("GET", "/federation/certificates", "/federation/certificates", "LDDOO"),
        new("GET", "/federation/certificates/exports/{id:guid}.zip", $"/federation/certificates/exports/{SomeGuid}.zip", "LDDNN"),
        new("GET", "/federation/records", "/federation/records", "LDDOO"),
        new("GET", "/federation/vouchers", "/federation/vouchers", "LDDOO"),
        new("GET", "/federation/vouchers/{BatchId:int}", "/federation/vouchers/999999", "LDDNN"),
        new("GET", "/federation/vouchers/settlement", "/federation/vouchers/settlement", "LDDOO"),
        new("GET", "/federation/vouchers/settlement/{month}.xlsx", "/federation/vouchers/settlement/2026-11.xlsx", "LDDOO"),
        new("GET", "/federation/vouchers/settlement/{month}.csv", "/federation/vouchers/settlement/2026-11.csv", "LDDOO"),

        // Administrators.
        new("GET", "/admin/users", "/admin/users", "LDDDO"),
        new("GET", "/admin/users/{UserId:guid}", $"/admin/users/{SomeGuid}", "LDDDN"),
        new("GET", "/jobs/{**path}", "/jobs", "LFFFO"),

        // Public endpoints.
        new("GET", "/api/certificates/verify/{serial}", "/api/certificates/verify/FJZGH-2026-00000001?code=ABCDEFGHJK", "NNNNN"),
        new("GET", "/.well-known/jwks.json", "/.well-known/jwks.json", "OOOOO"),
        new("GET", "/media/{**path}", "/media/courses/none/missing.mp4", "NNNNN"),
        new("GET", "/health", "/health", "OOOOO"),
        new("GET", "/health/live", "/health/live", "OOOOO"),
        new("GET", "/health/ready", "/health/ready", "OOOOO"),
        // Capacity measurements only: off unless Diagnostics:MemoryEndpoint (MemoryDiagnosticsTests).
        new("GET", "/diagnostics/memory", "/diagnostics/memory", "NNNNN"),
        new("GET", "/culture/set", "/culture/set?culture=zh-CN&returnUrl=%2F", "HHHHH"),
        new("POST", "/account/logout", "/account/logout", "HHHHH"),

        // Only with Load:BaselineEndpoint (the load harness's minimal endpoint; refused in Production by default).
        new("GET", "/_load/baseline/{name}", "/_load/baseline/missing", "NNNNN"),
    ];

    /// <summary>Endpoints the framework maps for itself; each is named with the reason it is not in the table.</summary>
    private static readonly Dictionary<string, string> FrameworkEndpoints = new(StringComparer.Ordinal)
    {
        ["/_blazor"] = "the circuit hub: a circuit carries the cookie's user and every page re-checks [Authorize]",
        ["/_blazor/negotiate"] = "the circuit hub's negotiation",
        ["/_blazor/disconnect"] = "the circuit's disconnect beacon",
        ["/_blazor/initializers"] = "the list of JavaScript initializers (static)",
        ["/_framework/opaque-redirect"] = "enhanced navigation's redirect helper: it only redirects to the URL it was given, on this site",
        ["/{**path:file}"] = "the framework's fallback for paths that look like file names: no page, no data",
    };

    public static TheoryData<string, string, string, string> Matrix
    {
        get
        {
            var data = new TheoryData<string, string, string, string>();
            foreach (var row in Rows)
            {
                for (var i = 0; i < RoleOrder.Length; i++)
                {
                    data.Add(row.Method, row.Sample, RoleOrder[i], row.Expected[i].ToString());
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Each_role_reaches_only_what_the_table_allows(string method, string path, string role, string expected)
    {
        HttpResponseMessage response;
        if (method == "GET")
        {
            response = await app.Client(role).GetAsync(path);
        }
        else
        {
            // A form post from the role's own page, on a client of its own (a sign-out must not end the shared one).
            using var client = await app.SignedInClientAsync(RoleClientsFixture.Accounts[role]);
            response = await client.PostWithAntiforgeryAsync(path);
        }

        using (response)
        {
            var location = response.Headers.Location?.OriginalString ?? "";
            var because = $"{method} {path} as {role}";
            switch (expected)
            {
                case "O":
                    response.StatusCode.ShouldBe(HttpStatusCode.OK, because);
                    break;
                case "N":
                    response.StatusCode.ShouldBe(HttpStatusCode.NotFound, because);
                    break;
                case "F":
                    response.StatusCode.ShouldBe(HttpStatusCode.Forbidden, because);
                    break;
                case "L":
                    response.StatusCode.ShouldBe(HttpStatusCode.Redirect, because);
                    location.ShouldContain("/account/login", Case.Sensitive, because);
                    break;
                case "D":
                    response.StatusCode.ShouldBe(HttpStatusCode.Redirect, because);
                    location.ShouldContain("/account/access-denied", Case.Sensitive, because);
                    break;
                case "H":
                    response.StatusCode.ShouldBe(HttpStatusCode.Redirect, because);
                    location.ShouldBe("/", because);
                    break;
                default:
                    throw new InvalidOperationException($"Unknown expectation {expected}");
            }
        }
    }

    /// <summary>Paths no page or endpoint answers, some under the prefix of a real page or a protected area.</summary>
    public static TheoryData<string, string> UnknownPaths
    {
        get
        {
            var data = new TheoryData<string, string>();
            string[] paths =
            [
                "/no-such-page", "/courses/no-such-code/x", "/federation/no-such-page", "/admin/no-such-page",
                "/learning/WELD-L5-SMAW/lessons/not-a-guid", "/authoring/courses/not-a-number",
            ];
            foreach (var path in paths)
            {
                foreach (var role in RoleOrder)
                {
                    data.Add(path, role);
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(UnknownPaths))]
    public async Task An_unknown_path_answers_404_with_the_not_found_page(string path, string role)
    {
        using var response = await app.Client(role).GetAsync(path);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound, $"{path} as {role}");
        WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()).ShouldContain("页面不存在", Case.Sensitive, $"{path} as {role}");
    }

    [Fact]
    public async Task The_not_found_page_speaks_the_visitors_language()
    {
        using var chinese = app.Factory.CreateBrowserlessClient();
        using var english = app.Factory.CreateBrowserlessClient();
        english.DefaultRequestHeaders.Add("Cookie", ".AspNetCore.Culture=c%3Den%7Cuic%3Den");

        using var zh = await chinese.GetAsync("/no-such-page");
        using var en = await english.GetAsync("/courses/NO-SUCH-CODE");

        zh.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        WebUtility.HtmlDecode(await zh.Content.ReadAsStringAsync()).ShouldContain("页面不存在");
        en.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await en.Content.ReadAsStringAsync()).ShouldContain("Page not found");
    }

    [Fact]
    public async Task A_resource_page_for_an_unknown_id_answers_404_and_still_says_what_is_missing()
    {
        using var lesson = await app.Client(Learner).GetAsync($"/learning/WELD-L5-SMAW/lessons/{SomeGuid}");
        using var editor = await app.Client(Instructor).GetAsync("/authoring/courses/999999");
        using var verify = await app.Client(Anonymous).GetAsync("/verify/FJZGH-2026-99999999?code=ABCDEFGHJK");

        lesson.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await lesson.Content.ReadAsStringAsync()).ShouldContain("id=\"lesson-unavailable\"");
        editor.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await editor.Content.ReadAsStringAsync()).ShouldContain("id=\"course-not-found\"");
        verify.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await verify.Content.ReadAsStringAsync()).ShouldContain("id=\"verify-not-found\"");
    }

    [Fact]
    public async Task Resource_pages_of_existing_objects_still_answer_200()
    {
        await using var db = await app.Factory.Services.GetRequiredService<IDbContextFactory<SkillsAcademyDbContext>>().CreateDbContextAsync();
        var sample = await db.Courses.Where(c => c.Code == "WELD-L5-SMAW").Select(c => c.Id).SingleAsync();
        var version = await db.CourseVersions.Where(v => v.CourseId == sample).Select(v => v.Id).FirstAsync();
        using var scope = app.Factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var instructor = await users.FindByEmailAsync(SkillsAcademyWebFactory.InstructorAccount);
        var created = await scope.ServiceProvider.GetRequiredService<AuthoringService>().CreateCourseAsync(
            new AuthoringActor(instructor!.Id, IsStaff: false),
            new CourseDraftRequest
            {
                Title = "存在的课程", Summary = "用来确认存在的课程页面仍然正常打开。",
                OccupationId = await db.Occupations.Select(o => o.Id).FirstAsync(), Level = SkillLevel.Level5,
                InstructorName = "李建国",
            });
        created.Errors.ShouldBeEmpty();

        foreach (var (role, path) in new[]
                 {
                     (Instructor, $"/authoring/courses/{created.Id}"),
                     (Staff, $"/authoring/courses/{sample}/results"),
                     (Staff, $"/federation/review/{version}"),
                     (Anonymous, "/courses/WELD-L5-SMAW"),
                 })
        {
            using var response = await app.Client(role).GetAsync(path);
            response.StatusCode.ShouldBe(HttpStatusCode.OK, $"{path} as {role}");
        }
    }

    [Fact]
    public void Every_routable_component_is_in_the_table()
    {
        var routed = typeof(Program).Assembly.GetTypes()
            .Where(t => typeof(IComponent).IsAssignableFrom(t))
            .SelectMany(t => t.GetCustomAttributes<RouteAttribute>().Select(r => Normalise(r.Template)))
            .ToHashSet(StringComparer.Ordinal);
        var inTable = Rows.Select(r => Normalise(r.Template)).ToHashSet(StringComparer.Ordinal);

        routed.Count.ShouldBeGreaterThan(20);
        routed.Except(inTable).OrderBy(t => t, StringComparer.Ordinal)
            .ShouldBeEmpty("these pages are not in the authorization table of PageAuthorizationTests: add a row for each");
    }

    [Fact]
    public void Every_mapped_endpoint_is_in_the_table_and_every_row_still_exists()
    {
        var mapped = MappedEndpoints();
        var inTable = Rows.Select(r => (r.Method, Template: Normalise(r.Template))).ToHashSet();

        mapped.Except(inTable)
            .Where(e => !FrameworkEndpoints.ContainsKey(e.Template))
            .Select(e => $"{e.Method} {e.Template}")
            .OrderBy(e => e, StringComparer.Ordinal)
            .ShouldBeEmpty("these endpoints are not in the authorization table of PageAuthorizationTests: add a row for each");
        inTable.Except(mapped).Select(e => $"{e.Method} {e.Template}")
            .ShouldBeEmpty("the table names endpoints the app no longer maps: remove or correct these rows");
        FrameworkEndpoints.Keys.Except(mapped.Select(e => e.Template))
            .ShouldBeEmpty("the list of framework endpoints names ones the app no longer maps");
    }

    [Fact]
    public void Every_row_names_a_valid_method_and_one_outcome_per_role()
    {
        foreach (var row in Rows)
        {
            row.Expected.Length.ShouldBe(RoleOrder.Length, row.Template);
            row.Expected.ShouldAllBe(c => "ONLDFH".Contains(c), row.Template);
            row.Sample.ShouldStartWith("/", Case.Sensitive, row.Template);
        }

        Rows.Select(r => (r.Method, r.Template)).Distinct().Count().ShouldBe(Rows.Length, "a template is listed twice");
    }

    /// <summary>(method, template) of every route the running app maps, static files left out.</summary>
    private HashSet<(string Method, string Template)> MappedEndpoints()
    {
        var sources = app.Factory.Services.GetRequiredService<EndpointDataSource>();
        var result = new HashSet<(string, string)>();
        foreach (var endpoint in sources.Endpoints.OfType<RouteEndpoint>())
        {
            if (IsStaticFile(endpoint))
            {
                continue;
            }

            var template = Normalise(endpoint.RoutePattern.RawText ?? "");
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods;
            // Pages answer GET (and POST for their forms); the table lists them under GET.
            if (methods is null || methods.Count == 0 || methods.Contains("GET"))
            {
                result.Add(("GET", template));
            }
            else
            {
                foreach (var method in methods)
                {
                    result.Add((method, template));
                }
            }
        }

        return result;
    }

    // Fingerprinted static web assets (MapStaticAssets) are files, not pages: they carry no authorization.
    private static bool IsStaticFile(RouteEndpoint endpoint) =>
        endpoint.Metadata.Any(m => m.GetType().FullName == "Microsoft.AspNetCore.StaticAssets.StaticAssetDescriptor");

    private static string Normalise(string template)
    {
        var t = template.Trim();
        t = t.StartsWith('/') ? t : "/" + t;
        return t.Length > 1 ? t.TrimEnd('/') : t;
    }

    private sealed record Row(string Method, string Template, string Sample, string Expected);
}
