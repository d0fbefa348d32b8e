using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CsCheck;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SkillsAcademy.Domain.Assessment;
using SkillsAcademy.Domain.Catalog;
using SkillsAcademy.Infrastructure.Identity;
using SkillsAcademy.Infrastructure.Persistence;
using SkillsAcademy.TestUtilities;
using SkillsAcademy.Web.Features.Assessment;
using SkillsAcademy.Web.Features.Authoring;
using SkillsAcademy.Web.Features.Authoring.Packages;
using SkillsAcademy.Web.Features.Learning;
using SkillsAcademy.Web.Features.Vouchers;

namespace SkillsAcademy.IntegrationTests.Platform;

/// <summary>The app with limits high enough for hundreds of generated requests.</summary>
public sealed class MalformedInputAppFixture : IAsyncLifetime
{
    private readonly TestDataDirectory _data = new();

    public SkillsAcademyWebFactory Factory { get; private set; } = default!;

    public string DataDirectory => _data.Path;

    public ValueTask InitializeAsync()
    {
        Factory = new SkillsAcademyWebFactory(_data.Path, new Dictionary<string, string?>
        {
            ["RateLimits:VerificationPerMinute"] = "100000",
            ["Jobs:RunServer"] = "false",
        });
        Factory.Server.ShouldNotBeNull();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await Factory.DisposeAsync();
        _data.Dispose();
    }
}

/// <summary>
/// Property-based tests (CsCheck) that throw random and malformed input at every parser and import of the running
/// app (ASVS 5.0 V2 Validation and Business Logic, V5 File Handling): course packages (random mutations of a valid manifest), quiz answers, verification
/// parameters and voucher import files. Each input ends in a clear answer — never an unhandled exception or a 500 —
/// and a refused input writes nothing.
/// </summary>
public sealed class MalformedInputTests(MalformedInputAppFixture app) : IClassFixture<MalformedInputAppFixture>
{
    private static int _codes;

    private T Service<T>() where T : notnull => app.Factory.Services.CreateScope().ServiceProvider.GetRequiredService<T>();

    private Task<SkillsAcademyDbContext> DbAsync() =>
        app.Factory.Services.GetRequiredService<IDbContextFactory<SkillsAcademyDbContext>>().CreateDbContextAsync();

    private async Task<(int Courses, int Versions, int Modules, int Lessons, int Questions, int Files)> CountsAsync()
    {
        await using var db = await DbAsync();
        var files = Directory.Exists(Path.Combine(app.DataDirectory, "files"))
            ? Directory.EnumerateFiles(Path.Combine(app.DataDirectory, "files"), "*", SearchOption.AllDirectories).Count()
            : 0;
        return (await db.Courses.CountAsync(), await db.CourseVersions.CountAsync(), await db.Set<CourseModule>().CountAsync(),
            await db.Set<Lesson>().CountAsync(), await db.Set<Question>().CountAsync(), files);
    }

    /// <summary>One random change to a JSON tree: a property dropped, replaced by a value of another kind, or emptied.</summary>
    private static readonly Gen<Func<JsonNode, JsonNode?>> Mutation = Gen.Select(Gen.Int[0, 9], Gen.Int[0, 1000], Gen.String[0, 40], (kind, pick, text) =>
        new Func<JsonNode, JsonNode?>(root =>
        {
            var nodes = Walk(root).ToList();
            var target = nodes[pick % nodes.Count];
            JsonNode? replacement = kind switch
            {
                0 => null,
                1 => JsonValue.Create(text),
                2 => JsonValue.Create(-pick),
                3 => JsonValue.Create(int.MaxValue),
                4 => new JsonArray(),
                5 => new JsonObject(),
                6 => JsonValue.Create(new string('长', 5000 + pick)),
                7 => JsonValue.Create(pick % 2 == 0),
                8 => JsonValue.Create(1e300),
                _ => new JsonArray(JsonValue.Create(text), null, new JsonObject()),
            };
            if (target.Parent is JsonObject parent)
            {
                var name = parent.First(p => ReferenceEquals(p.Value, target)).Key;
                if (kind == 0)
                {
                    parent.Remove(name);
                }
                else
                {
                    parent[name] = replacement;
                }
            }
            else if (target.Parent is JsonArray array)
            {
                var index = array.IndexOf(target);
                if (kind == 0)
                {
                    array.RemoveAt(index);
                }
                else
                {
                    array[index] = replacement;
                }
            }

            return root;
        }));

    private static IEnumerable<JsonNode> Walk(JsonNode node)
    {
        yield return node;
        IEnumerable<JsonNode?> children = node switch
        {
            JsonObject o => o.Select(p => p.Value),
            JsonArray a => a,
            _ => [],
        };
        foreach (var child in children.OfType<JsonNode>())
        {
            foreach (var descendant in Walk(child))
            {
                yield return descendant;
            }
        }
    }

    [Fact]
    public async Task A_mutated_course_package_is_imported_whole_or_refused_with_messages_and_nothing_written()
    {
        var results = new List<string>();
        await Gen.Select(Mutation.Array[1, 4], Gen.Int[0, 20], Gen.Bool).SampleAsync(async (mutations, cut, truncate) =>
        {
            var package = CoursePackages.Valid($"PBT-{Interlocked.Increment(ref _codes):00000}");
            var files = CoursePackages.Files(package);
            var root = JsonNode.Parse(files[CoursePackage.ManifestFile])!;
            foreach (var mutate in mutations)
            {
                root = mutate(root) ?? root;
            }

            var manifest = Encoding.UTF8.GetBytes(root.ToJsonString());
            // Now and then the manifest is cut short, as an interrupted upload would be.
            files[CoursePackage.ManifestFile] = truncate ? manifest[..Math.Max(0, manifest.Length - 1 - cut)] : manifest;
            var before = await CountsAsync();

            var result = await Service<CourseImportService>().ImportAsync(CoursePackageSource.FromFiles(files), new CourseImportOptions(Publish: cut % 2 == 0, OwnerId: null));

            if (result.Succeeded)
            {
                result.CourseId.ShouldNotBeNull();
                results.Add("imported");
            }
            else
            {
                result.Errors.ShouldAllBe(e => !string.IsNullOrWhiteSpace(e.Message));
                (await CountsAsync()).ShouldBe(before, "a refused package writes nothing");
                results.Add("refused");
            }
        }, iter: 120, threads: 1);

        results.ShouldContain("refused");
    }

    [Fact]
    public async Task Random_quiz_answers_are_saved_only_when_they_fit_the_question_and_never_throw()
    {
        const string course = "PBT-QUIZ";
        await using (var db = await DbAsync())
        {
            if (!await db.Courses.AnyAsync(c => c.Code == course))
            {
                (await Service<CourseImportService>().ImportAsync(CoursePackages.Source(CoursePackages.Valid(course, "随机答题测试")), new CourseImportOptions(true, null))).Errors.ShouldBeEmpty();
                var version = await db.CourseVersions.Include(v => v.Modules).SingleAsync(v => v.Status == CourseVersionStatus.Published && db.Courses.Any(c => c.Id == v.CourseId && c.Code == course));
                version.Modules.Single(m => m.Tag == "safety").Quiz = new QuizSettings(2, 50, 30, 0, ReviewPolicy.AfterEachAttempt);
                await db.SaveChangesAsync();
            }
        }

        using var scope = app.Factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var learner = new ApplicationUser { UserName = $"pbt-{Guid.NewGuid():N}@example.com", DisplayName = "学员", CreatedAt = DateTimeOffset.UtcNow };
        (await users.CreateAsync(learner)).Succeeded.ShouldBeTrue();
        (await Service<LearningService>().EnrolAsync(learner.Id, course)).ShouldBe(EnrolmentOutcome.Enrolled);
        var quizzes = Service<QuizService>();
        var started = await quizzes.StartAsync(learner.Id, course, QuizKeys.ForModule("safety"));
        var attempt = started.AttemptId!.Value;
        var sheet = (await quizzes.GetSheetAsync(learner.Id, attempt))!;

        var answers = Gen.Select(
            Gen.Frequency((4, Gen.Int[0, sheet.Questions.Count - 1]), (1, Gen.Int)),
            Gen.Frequency((4, Gen.Int[-1, 4]), (1, Gen.Int)).Array[0, 6],
            Gen.Frequency((9, Gen.Const(attempt)), (1, Gen.Guid)));
        await answers.SampleAsync(async (position, indexes, attemptId) =>
        {
            var before = (await quizzes.GetSheetAsync(learner.Id, attempt))!;
            var outcome = await quizzes.AnswerAsync(learner.Id, attemptId, position, indexes);
            var after = (await quizzes.GetSheetAsync(learner.Id, attempt))!;

            // An empty answer clears the question; several options on a single-choice question are kept and graded
            // wrong (the correct set has one element), so they give no advantage.
            var question = before.Questions.FirstOrDefault(q => q.Position == position);
            var fits = attemptId == attempt && question is not null && indexes.All(i => i >= 0 && i < question.Options.Count);
            if (outcome == AnswerOutcome.Saved)
            {
                fits.ShouldBeTrue($"saved an answer that does not fit: {position} [{string.Join(",", indexes)}]");
                after.Questions.Single(q => q.Position == position).Chosen.Order().ShouldBe(indexes.Distinct().Order());
            }
            else
            {
                outcome.ShouldBe(AnswerOutcome.Invalid);
                fits.ShouldBeFalse($"refused an answer that fits: {position} [{string.Join(",", indexes)}]");
                after.Questions.Select(q => q.Chosen.ToList()).ShouldBe(before.Questions.Select(q => q.Chosen.ToList()));
            }
        }, iter: 300, threads: 1);

        (await quizzes.SubmitAsync(learner.Id, Guid.NewGuid())).Outcome.ShouldBe(SubmitOutcome.NotFound);
        (await quizzes.SubmitAsync(learner.Id, attempt)).Outcome.ShouldBe(SubmitOutcome.Submitted);
    }

    [Fact]
    public async Task Any_serial_and_code_in_the_address_get_an_answer_never_an_error()
    {
        using var client = app.Factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var text = Gen.Frequency((5, Gen.Char["FJZGH-0123456789ABCDEFGHJKLMNPQRSTUVWXYZ"]), (1, Gen.Char["%/\\?#&=+ .\u0000'\"<>"]), (1, Gen.Char)).Array[0, 40].Select(c => new string(c));
        await Gen.Select(text, text).SampleAsync(async (serial, code) =>
        {
            // A NUL in the path never reaches the app (Kestrel answers 400; the test server refuses to send it).
            var path = Uri.EscapeDataString(serial.Replace("\0", "", StringComparison.Ordinal));
            using var api = await client.GetAsync($"/api/certificates/verify/{path}?code={Uri.EscapeDataString(code)}");
            ((int)api.StatusCode).ShouldBeOneOf([404, 200], $"api {serial} {code}");
            if (api.StatusCode == HttpStatusCode.NotFound && serial.Length > 0 && !serial.Contains('/', StringComparison.Ordinal) && !serial.Contains('\\', StringComparison.Ordinal))
            {
                var body = JsonDocument.Parse(await api.Content.ReadAsStringAsync()).RootElement;
                body.GetProperty("status").GetString().ShouldBe("notfound");
            }

            using var page = await client.GetAsync($"/verify/{path}?code={Uri.EscapeDataString(code)}");
            ((int)page.StatusCode).ShouldBeOneOf([200, 404], $"page {serial} {code}");
        }, iter: 150, threads: 1);
    }

    [Fact]
    public async Task Random_voucher_import_files_are_refused_or_reported_row_by_row_and_a_refused_file_issues_nothing()
    {
        var staff = (await app.Factory.Services.CreateScope().ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(SkillsAcademyWebFactory.StaffAccount))!;
        var vouchers = Service<VoucherService>();
        var creation = await vouchers.CreateBatchAsync(staff.Id, new VoucherBatchRequest
        {
            Name = "随机导入批次", FundingSource = "工会职工教育经费", FaceValue = 100m, Quantity = 5, CourseIds = [], RegionCodes = [], UnionMembersOnly = false,
            ValidFrom = DateTime.UtcNow.Date, ValidUntil = DateTime.UtcNow.Date.AddDays(30),
        });
        creation.Errors.ShouldBeEmpty();
        await Service<VoucherBatchGenerationJob>().RunAsync(creation.BatchId!.Value, CancellationToken.None);
        var batchId = creation.BatchId.Value;

        var line = Gen.Frequency(
            (3, Gen.Char["0123456789 ,;\"\t-xX"].Array[0, 22].Select(c => new string(c))),
            (1, Gen.String[0, 30]),
            (1, Gen.Const(IdNumberScanner.ValidNumber(5))));
        var file = Gen.Frequency(
            (4, line.Array[0, 12].Select(lines => Encoding.UTF8.GetBytes("手机号\n" + string.Join("\n", lines)))),
            (1, Gen.Byte.Array[0, 300]));
        await Gen.Select(file, Gen.OneOf(Gen.Const("list.csv"), Gen.Const("list.xlsx"), Gen.Const("list.txt"), Gen.Const("list"))).SampleAsync(async (bytes, name) =>
        {
            await using var before = await DbAsync();
            var assignedBefore = await before.Vouchers.CountAsync(v => v.BatchId == batchId && v.LearnerId != null);

            var report = await vouchers.ImportAsync(batchId, new MemoryStream(bytes), name);

            await using var after = await DbAsync();
            var assignedAfter = await after.Vouchers.CountAsync(v => v.BatchId == batchId && v.LearnerId != null);
            if (report.Succeeded)
            {
                (assignedAfter - assignedBefore).ShouldBe(report.Issued);
            }
            else
            {
                assignedAfter.ShouldBe(assignedBefore, $"a refused file ({report.Problem}) issues nothing");
            }
        }, iter: 150, threads: 1);
    }
}
