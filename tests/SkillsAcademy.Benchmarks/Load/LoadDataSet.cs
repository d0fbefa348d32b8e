using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SkillsAcademy.Domain.Catalog;
using SkillsAcademy.Domain.Learning;
using SkillsAcademy.Infrastructure.PersonalData;
using SkillsAcademy.Infrastructure.Persistence;
using SkillsAcademy.TestUtilities;
using SkillsAcademy.Web.Features.Authoring;
using SkillsAcademy.Web.Features.Authoring.Packages;
using SkillsAcademy.Web.Features.Learning;

namespace SkillsAcademy.Benchmarks.Load;

/// <summary>
/// How big a load data set is. <see cref="ForScale"/>: 1x is 100 learners, 5 courses, 10,000 study segments, 50 enterprises
/// (the generator needs enough enterprises for every city of the province: with a handful it fails in LearnerPlan).
/// </summary>
public sealed record LoadDataSetOptions(int Learners, int Courses, long StudyEvents, int Enterprises, int Enrolled, int Seed = 1)
{
    /// <summary>The generator's data times <paramref name="factor"/> (enterprises too, 50 at least), and 40 % of the learners enrolled in the 11×64 course.</summary>
    public static LoadDataSetOptions ForScale(int factor)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(factor, 1);
        return new(100 * factor, Math.Min(5 * factor, 99_999), 10_000L * factor, 50 * factor, 40 * factor);
    }

    /// <summary>The smoke test's: a few seconds of generating.</summary>
    public static LoadDataSetOptions Smoke { get; } = new(40, 2, 2_000, 50, 8);

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Learners:N0} learners, {Courses:N0} courses, {StudyEvents:N0} study segments, {Enrolled:N0} enrolled in {LoadDataSet.CourseCode}");
}

/// <summary>A learner of the 11×64 course who can sign in: mobile number and the demo password.</summary>
public sealed record LoadLearner(Guid Id, string Account);

/// <summary>
/// A SQLite data folder for the load measurements: province-style data from the statistics generator
/// (<c>--generate-demo-data</c>, run as a separate process of the built app, exactly as an operator runs it), plus
/// one course of 11 modules and 64 lessons (imported and published through <see cref="CourseImportService"/>) with
/// generated learners enrolled (<see cref="LearningService.EnrolWithinAsync"/>: enrolment, chain event, count) and
/// some credited study each (lesson progress moved by <see cref="LessonProgress.Report"/> as 15-second activity reports
/// would move it). Every generated learner's password is <see cref="Password"/>.
/// A folder seeded with the same options is reused; its <c>load-dataset.json</c> lists the enrolled learners.
/// </summary>
public sealed class LoadDataSet
{
    public const string CourseCode = "LOAD-11X64";
    public const string Password = SkillsAcademyWebFactory.DemoPassword;
    public const int Modules = 11;
    public const int Lessons = 64;
    private const string ManifestFile = "load-dataset.json";

    private static readonly JsonSerializerOptions _json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    private LoadDataSet(string dataDirectory, LoadDataSetOptions options, IReadOnlyList<LoadLearner> learners)
    {
        DataDirectory = dataDirectory;
        Options = options;
        Learners = learners;
    }

    public string DataDirectory { get; }

    public LoadDataSetOptions Options { get; }

    /// <summary>The learners enrolled in <see cref="CourseCode"/>, in a fixed order.</summary>
    public IReadOnlyList<LoadLearner> Learners { get; }

    /// <summary>
    /// Reuses the folder if it was seeded with <paramref name="options"/> (or with options <paramref name="alsoReuse"/>
    /// accepts, e.g. more learners than needed), else empties it and seeds it.
    /// </summary>
    public static async Task<LoadDataSet> EnsureAsync(
        string dataDirectory, LoadDataSetOptions options, TextWriter log, bool fresh = false, CancellationToken cancellationToken = default,
        Func<LoadDataSetOptions, bool>? alsoReuse = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(log);
        dataDirectory = Path.GetFullPath(dataDirectory);
        var manifestPath = Path.Combine(dataDirectory, ManifestFile);
        if (!fresh && File.Exists(manifestPath)
            && JsonSerializer.Deserialize<Manifest>(await File.ReadAllTextAsync(manifestPath, cancellationToken), _json) is { } existing
            && (existing.Options == options || alsoReuse?.Invoke(existing.Options) == true))
        {
            await log.WriteLineAsync($"Reusing the data set in {dataDirectory} ({existing.Options}).");
            return new LoadDataSet(dataDirectory, existing.Options, existing.Learners);
        }

        if (Directory.Exists(dataDirectory))
        {
            Directory.Delete(dataDirectory, recursive: true);
        }

        Directory.CreateDirectory(dataDirectory);
        await log.WriteLineAsync($"Seeding {dataDirectory}: {options}.");
        var stopwatch = Stopwatch.StartNew();
        var generate = new List<string>
        {
            "--generate-demo-data",
            "--learners", options.Learners.ToString(CultureInfo.InvariantCulture),
            "--courses", options.Courses.ToString(CultureInfo.InvariantCulture),
            "--study-events", options.StudyEvents.ToString(CultureInfo.InvariantCulture),
            "--enterprises", options.Enterprises.ToString(CultureInfo.InvariantCulture),
            "--seed", options.Seed.ToString(CultureInfo.InvariantCulture),
        };
        var exitCode = await LoadApp.RunCommandAsync(GeneratorSettings(dataDirectory), generate, log, cancellationToken);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"--generate-demo-data ended with exit code {exitCode}.");
        }

        var generated = stopwatch.Elapsed;
        var learners = await AddCourseAndLearnersAsync(dataDirectory, options, log, cancellationToken);
        await File.WriteAllTextAsync(manifestPath, JsonSerializer.Serialize(new Manifest(options, learners), _json), cancellationToken);
        await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"Seeded in {stopwatch.Elapsed.TotalSeconds:0} s (generator {generated.TotalSeconds:0} s, course and learners {(stopwatch.Elapsed - generated).TotalSeconds:0} s)."));
        return new LoadDataSet(dataDirectory, options, learners);
    }

    /// <summary>The generator process: demo data on (generated accounts get <see cref="Password"/>), no job server.</summary>
    public static Dictionary<string, string?> GeneratorSettings(string dataDirectory)
    {
        var settings = LoadApp.SharedSettings(dataDirectory);
        settings["ASPNETCORE_ENVIRONMENT"] = PlatformTesting;
        settings["DemoData:Enabled"] = "true";
        settings["DemoData:Password"] = Password;
        settings["Jobs:RunServer"] = "false";
        return settings;
    }

    private const string PlatformTesting = Web.Platform.PlatformRegistration.TestingEnvironment;

    /// <summary>The 11-module, 64-lesson course: articles and videos alternating, a quiz per module and a final exam.</summary>
    public static Dictionary<string, byte[]> CoursePackageFiles()
    {
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        var modules = new List<PackageModule>();
        var questions = new List<PackageQuestion>();
        var lessonNumber = 0;
        for (var m = 0; m < Modules; m++)
        {
            var tag = $"m{m + 1:D2}";
            // 9 modules of 6 lessons and 2 of 5: 64.
            var count = m < 9 ? 6 : 5;
            var lessons = new List<PackageLesson>();
            for (var l = 0; l < count; l++)
            {
                lessonNumber++;
                var nominal = 8 + lessonNumber % 8;
                var required = Math.Max(1, nominal * 4 / 5);
                if (lessonNumber % 2 == 1)
                {
                    var file = $"lessons/{lessonNumber:D2}.md";
                    files[file] = Encoding.UTF8.GetBytes(
                        $"## 第{lessonNumber}课 操作要点\n\n" + string.Concat(Enumerable.Repeat("按作业指导书检查设备、工装和防护用品，确认无误后再开始操作。\n\n", 12)));
                    lessons.Add(new PackageLesson { Title = $"第{lessonNumber}课 操作要点与安全注意事项", Kind = "Article", File = file, NominalMinutes = nominal, RequiredMinutes = required });
                }
                else
                {
                    lessons.Add(new PackageLesson
                    {
                        Title = $"第{lessonNumber}课 示范操作视频",
                        Kind = "Video",
                        VideoUrl = $"https://video.example/load/{lessonNumber:D2}.mp4",
                        VideoSeconds = required * 60 - 30,
                        NominalMinutes = nominal,
                        RequiredMinutes = required,
                    });
                }
            }

            modules.Add(new PackageModule
            {
                Title = $"模块{m + 1}：焊接工艺专题{m + 1}",
                Tag = tag,
                Lessons = lessons,
                Quiz = new PackageQuiz { QuestionCount = 3, PassPercent = 60, TimeLimitMinutes = 15, AttemptsAllowed = 3, Review = "AfterEachAttempt" },
            });
            for (var q = 0; q < 4; q++)
            {
                questions.Add(new PackageQuestion
                {
                    Type = "SingleChoice",
                    Tag = tag,
                    Stem = $"模块{m + 1}第{q + 1}题：焊接前首先应检查什么？",
                    Options = ["焊机接地和防护用品", "焊条颜色", "车间温度"],
                    Answer = [0],
                    Explanation = "开工前先确认接地良好、防护用品齐全。",
                });
            }
        }

        var package = new CoursePackage
        {
            FormatVersion = 1,
            Code = CourseCode,
            Title = "焊工（五级）系统培训：11个模块64课",
            Summary = "负载测量用课程：11个模块、64节课，文章与视频交替，每个模块有测验，最后有结业考试。",
            OccupationCode = "6-18-02-04",
            SkillLevel = "Level5",
            VoucherEligible = false,
            Instructors =
            [
                new PackageInstructor { Name = "林师傅", Honours = ["Craftsman"], Bio = "从事焊接工作二十年的省级工匠。" },
                new PackageInstructor { Name = "陈老师", Honours = [], Bio = "职业院校焊接专业教师。" },
            ],
            Modules = modules,
            FinalExam = new PackageQuiz { QuestionCount = 20, PassPercent = 60, TimeLimitMinutes = 45, AttemptsAllowed = 2, Review = "AfterPassing" },
            Questions = questions,
        };
        files[CoursePackage.ManifestFile] = JsonSerializer.SerializeToUtf8Bytes(package, CoursePackage.JsonOptions);
        return files;
    }

    private static async Task<IReadOnlyList<LoadLearner>> AddCourseAndLearnersAsync(
        string dataDirectory, LoadDataSetOptions options, TextWriter log, CancellationToken cancellationToken)
    {
        // The real app's services on the folder: same settings as the generator, no job server, no web traffic.
        var settings = GeneratorSettings(dataDirectory);
        settings.Remove("ASPNETCORE_ENVIRONMENT");
        // This is not a test project, so Microsoft.AspNetCore.Mvc.Testing did not record the app's content root here.
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_SKILLSACADEMY_WEB", Path.Combine(RepositoryRoot.Path, "src", "SkillsAcademy.Web"));
        await using var host = new SkillsAcademyWebFactory(dataDirectory, settings);
        var services = host.Services;
        await using (var scope = services.CreateAsyncScope())
        {
            var import = await scope.ServiceProvider.GetRequiredService<CourseImportService>()
                .ImportAsync(CoursePackageSource.FromFiles(CoursePackageFiles()), new CourseImportOptions(Publish: true, OwnerId: null), cancellationToken);
            if (!import.Succeeded)
            {
                throw new InvalidOperationException($"The load course does not import: {string.Join("; ", import.Errors)}");
            }
        }

        var contexts = services.GetRequiredService<IDbContextFactory<SkillsAcademyDbContext>>();
        var personalData = services.GetRequiredService<PersonalDataProtector>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        List<LoadLearner> learners;
        int courseId;
        int versionId;
        List<(Guid Key, LessonKind Kind, int NominalMinutes, int RequiredMinutes, int? VideoSeconds)> lessons;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            var course = await db.Courses.AsNoTracking().Where(c => c.Code == CourseCode)
                .Select(c => new { c.Id, VersionId = c.Versions.Where(v => v.Status == CourseVersionStatus.Published).Select(v => v.Id).First() })
                .SingleAsync(cancellationToken);
            (courseId, versionId) = (course.Id, course.VersionId);
            var version = await db.CourseVersions.AsNoTracking()
                .Include(v => v.Modules.OrderBy(m => m.Position)).ThenInclude(m => m.Lessons.OrderBy(l => l.Position))
                .AsSplitQuery()
                .SingleAsync(v => v.Id == versionId, cancellationToken);
            lessons = [.. version.Modules.SelectMany(m => m.Lessons).Select(l => (l.Key, l.Kind, l.NominalMinutes, l.RequiredMinutes, l.VideoSeconds))];
            if (lessons.Count != Lessons || version.Modules.Count != Modules)
            {
                throw new InvalidOperationException($"The load course has {version.Modules.Count} modules and {lessons.Count} lessons.");
            }

            // Generated learners (user names from the mobile number's hash) with a real-name profile, in id order.
            var rows = await db.Users.AsNoTracking()
                .Where(u => u.UserName!.StartsWith("m-") && u.MobileNumberProtected != null && db.LearnerProfiles.Any(p => p.UserId == u.Id))
                .OrderBy(u => u.Id)
                .Select(u => new { u.Id, u.MobileNumberProtected })
                .Take(options.Enrolled)
                .ToListAsync(cancellationToken);
            if (rows.Count < options.Enrolled)
            {
                throw new InvalidOperationException($"Only {rows.Count} generated learners with a profile; {options.Enrolled} are to be enrolled.");
            }

            learners = [.. rows.Select(r => new LoadLearner(r.Id, personalData.Unprotect(r.MobileNumberProtected!)))];
        }

        var random = new Random(options.Seed);
        var stopwatch = Stopwatch.StartNew();
        long progressRows = 0;
        foreach (var chunk in learners.Chunk(250))
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            foreach (var learner in chunk)
            {
                var enrolledAt = now.AddDays(-random.Next(10, 60)).AddMinutes(-random.Next(0, 1440));
                await LearningService.EnrolWithinAsync(db, learner.Id, courseId, versionId, CourseCode, enrolledAt, cancellationToken);
                var rows = Study(learner.Id, courseId, lessons, enrolledAt, now, random);
                db.LessonProgress.AddRange(rows);
                progressRows += rows.Count;
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"{CourseCode}: {learners.Count:N0} learners enrolled, {progressRows:N0} lesson-progress rows, {stopwatch.Elapsed.TotalSeconds:0.0} s."));
        return learners;
    }

    /// <summary>
    /// A learner's study of the course so far: the first few lessons completed in order, the next one begun, each
    /// through 15-second activity reports (video position moving with them) applied by the domain's own rule.
    /// </summary>
    private static List<LessonProgress> Study(
        Guid learnerId, int courseId, List<(Guid Key, LessonKind Kind, int NominalMinutes, int RequiredMinutes, int? VideoSeconds)> lessons,
        DateTimeOffset enrolledAt, DateTimeOffset now, Random random)
    {
        var touched = random.Next(1, lessons.Count + 1);
        var at = enrolledAt.AddMinutes(random.Next(5, 120));
        var rows = new List<LessonProgress>(touched);
        for (var i = 0; i < touched && at < now; i++)
        {
            var lesson = lessons[i];
            var progress = new LessonProgress(learnerId, lesson.Key, courseId);
            var finish = i < touched - 1;
            var target = lesson.RequiredMinutes * 60 * (finish ? 1 : random.Next(10, 90) / 100.0);
            var position = 0;
            for (var report = 0; report < 1_000 && at < now; report++)
            {
                at = at.AddSeconds(15);
                position += 15;
                progress.Report(at, lesson.NominalMinutes * 60, lesson.VideoSeconds is null ? null : position, lesson.VideoSeconds);
                if (finish ? progress.TryComplete(lesson.RequiredMinutes, lesson.VideoSeconds, at) : progress.CreditedMilliseconds >= target * 1000)
                {
                    break;
                }
            }

            progress.TakeOpenSegment();
            rows.Add(progress);
            // The next lesson another day or after a break: a new segment.
            at = at.AddMinutes(random.Next(2, 60 * 24));
        }

        return rows;
    }

    private sealed record Manifest(LoadDataSetOptions Options, IReadOnlyList<LoadLearner> Learners);
}
