using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SkillsAcademy.Domain.Assessment;
using SkillsAcademy.Domain.Learning;
using SkillsAcademy.Domain.People;
using SkillsAcademy.Infrastructure.Persistence;
using SkillsAcademy.Infrastructure.PersonalData;
using SkillsAcademy.TestUtilities;
using SkillsAcademy.Web.Features.Assessment;
using SkillsAcademy.Web.Features.Certificates;
using SkillsAcademy.Web.Features.Learning;
using SkillsAcademy.Web.Features.Statistics.Generation;

namespace SkillsAcademy.IntegrationTests.Features.Statistics.Generation;

public sealed partial class DemoDataGeneratorTests(GeneratedDataFixture data) : IClassFixture<GeneratedDataFixture>
{
    private T Service<T>(IServiceScope scope) where T : notnull => scope.ServiceProvider.GetRequiredService<T>();

    [Fact]
    public async Task A_small_data_set_has_the_requested_learners_courses_and_study_events()
    {
        await using var db = await data.NewContextAsync();

        var learners = await db.Enrolments.Select(e => e.LearnerId).Distinct().CountAsync();
        learners.ShouldBe(200);
        (await db.Courses.CountAsync(c => c.Code.StartsWith("GEN-"))).ShouldBe(10);
        (await db.LearningEvents.CountAsync(e => e.Kind == LearningEventKind.StudySegmentCredited)).ShouldBe(5_000);
        data.Summary.Rows["LearningEvents"].ShouldBe(await db.LearningEvents.CountAsync());
        data.Summary.Rows["AspNetUsers"].ShouldBe(200);
        (await db.UserRoles.CountAsync(r => db.Roles.Any(role => role.Id == r.RoleId && role.Name == Roles.Learner) && db.Enrolments.Any(e => e.LearnerId == r.UserId)))
            .ShouldBe(200);
        (await db.Enrolments.GroupBy(e => e.LearnerId).Select(g => g.Count()).ToListAsync()).ShouldAllBe(n => n >= 1 && n <= 3);
        (await db.Enterprises.CountAsync()).ShouldBeGreaterThanOrEqualTo(60);
    }

    [Fact]
    public async Task Every_generated_learners_chain_verifies()
    {
        await using var scope = data.Factory.Services.CreateAsyncScope();

        var report = await Service<LearningRecordVerifier>(scope).VerifyAllAsync();

        report.Broken.ShouldBeEmpty();
        report.Learners.ShouldBeGreaterThanOrEqualTo(200);
        report.Events.ShouldBe(data.Summary.LearningEvents);
    }

    [Fact]
    public async Task Study_follows_the_crediting_rules_and_lies_in_the_past_year()
    {
        await using var db = await data.NewContextAsync();
        var segments = await db.LearningEvents.AsNoTracking().Where(e => e.Kind == LearningEventKind.StudySegmentCredited).ToListAsync();
        var (from, to) = (data.Summary.From, data.Summary.To);
        var calendar = PlatformCalendar.Default;

        segments.ShouldAllBe(e => int.Parse(e.Data["seconds"], CultureInfo.InvariantCulture) >= 60 && int.Parse(e.Data["seconds"], CultureInfo.InvariantCulture) <= 2_700);
        segments.ShouldAllBe(e => e.OccurredAt <= GeneratedDataFixture.Now && calendar.DayOf(e.OccurredAt) >= from && calendar.DayOf(e.OccurredAt) <= to);
        to.ShouldBe(new DateOnly(2026, 11, 24));
        from.ShouldBe(new DateOnly(2025, 11, 25));

        // Lesson progress holds exactly what the events credited, and no lesson credits more than 1.5 × its nominal time.
        var progress = await db.LessonProgress.AsNoTracking().ToListAsync();
        var credited = segments.GroupBy(e => (e.LearnerId, Lesson: Guid.Parse(e.Data["lesson"])))
            .ToDictionary(g => g.Key, g => g.Sum(e => long.Parse(e.Data["seconds"], CultureInfo.InvariantCulture)));
        progress.Count.ShouldBe(credited.Count);
        progress.ShouldAllBe(p => credited[new ValueTuple<Guid, Guid>(p.LearnerId, p.LessonKey)] * 1000 == p.CreditedMilliseconds);
        var lessons = await db.Set<Domain.Catalog.Lesson>().AsNoTracking().ToDictionaryAsync(l => l.Key, l => l.NominalMinutes);
        progress.ShouldAllBe(p => p.CreditedMilliseconds <= lessons[p.LessonKey] * 90_000L);

        // One segment at a time: a learner's segments never overlap.
        foreach (var chain in segments.GroupBy(e => e.LearnerId))
        {
            var ordered = chain.OrderBy(e => e.Sequence).ToList();
            for (var i = 1; i < ordered.Count; i++)
            {
                var start = ordered[i].OccurredAt.AddSeconds(-int.Parse(ordered[i].Data["seconds"], CultureInfo.InvariantCulture));
                start.ShouldBeGreaterThan(ordered[i - 1].OccurredAt);
            }
        }
    }

    [Fact]
    public async Task Completions_quizzes_certificates_and_vouchers_agree_with_each_other()
    {
        await using var db = await data.NewContextAsync();
        var enrolments = await db.Enrolments.AsNoTracking().ToListAsync();
        var completed = enrolments.Where(e => e.CompletedAt is not null).ToList();

        (completed.Count / (double)enrolments.Count).ShouldBeInRange(0.15, 0.4);
        (await db.LearningEvents.CountAsync(e => e.Kind == LearningEventKind.CourseCompleted)).ShouldBe(completed.Count);
        (await db.LearningEvents.CountAsync(e => e.Kind == LearningEventKind.Enrolled)).ShouldBe(enrolments.Count);
        var attempts = await db.QuizAttempts.AsNoTracking().ToListAsync();
        attempts.ShouldAllBe(a => a.Status == AttemptStatus.Submitted && a.ScorePercent == QuizGrading.ScorePercent(a.CorrectCount!.Value, 5));
        attempts.Count(a => a.Passed == true).ShouldBe(completed.Count);
        (await db.LearningEvents.CountAsync(e => e.Kind == LearningEventKind.QuizSubmitted)).ShouldBe(attempts.Count);
        (await db.AttemptItems.CountAsync()).ShouldBe(attempts.Count * 5);

        var certificates = await db.Certificates.AsNoTracking().ToListAsync();
        var withProfile = completed.Count(e => db.LearnerProfiles.Any(p => p.UserId == e.LearnerId));
        certificates.Count.ShouldBe(withProfile);
        certificates.ShouldAllBe(c => c.IssuedAt > c.CompletedAt);
        certificates.Select(c => c.Serial).ShouldBeUnique();

        var redeemed = await db.Vouchers.AsNoTracking().Where(v => v.Status == Domain.Vouchers.VoucherStatus.Redeemed).ToListAsync();
        redeemed.ShouldNotBeEmpty();
        (await db.LearningEvents.CountAsync(e => e.Kind == LearningEventKind.VoucherRedeemed)).ShouldBe(redeemed.Count);
        (await db.SettlementEntries.CountAsync()).ShouldBe(redeemed.Count);
        (await db.VoucherBatches.ToListAsync()).ShouldAllBe(b => b.IsReady && b.Quantity == db.Vouchers.Count(v => v.BatchId == b.Id));

        // Every reference points at a row: the bulk load ran without foreign-key checks, so check them now.
        await using var connection = new SqliteConnection(data.Factory.Services.GetRequiredService<DatabaseSettings>().ConnectionString);
        await connection.OpenAsync();
        await using var check = connection.CreateCommand();
        check.CommandText = "PRAGMA foreign_key_check";
        await using var reader = await check.ExecuteReaderAsync();
        (await reader.ReadAsync()).ShouldBeFalse();
    }

    [Fact]
    public async Task The_product_reads_generated_data_like_its_own()
    {
        await using var scope = data.Factory.Services.CreateAsyncScope();
        await using var db = await data.NewContextAsync();
        var certificate = await db.Certificates.AsNoTracking().OrderBy(c => c.Id).FirstAsync();
        var learner = certificate.LearnerId;
        var code = await db.Courses.Where(c => c.Id == certificate.CourseId).Select(c => c.Code).SingleAsync();

        (await Service<CertificateService>(scope).VerifyAsync(certificate.Serial, certificate.VerificationCode)).Status.ShouldBe(VerificationStatus.Valid);
        var progress = (await Service<LearningProgressService>(scope).GetCourseProgressAsync(learner, code)).ShouldNotBeNull();
        progress.CompletedAt.ShouldBe(certificate.CompletedAt);
        progress.CompletedLessonCount.ShouldBe(progress.LessonCount);
        var record = await LocalizerCulture.InChineseAsync(() => Service<LearningRecordService>(scope).GetRecordAsync(learner, 0, 500));
        record.Verification.IsValid.ShouldBeTrue();
        record.Rows.ShouldContain(r => r.Kind == LearningEventKind.StudySegmentCredited && r.CourseTitle != null && r.LessonTitle != null && r.Seconds > 0);
        var passed = await db.QuizAttempts.AsNoTracking().FirstAsync(a => a.LearnerId == learner && a.CourseId == certificate.CourseId && a.Passed == true);
        (await Service<QuizService>(scope).GetResultAsync(learner, passed.Id)).ShouldNotBeNull().Passed.ShouldBeTrue();
        // Completion fires once: the service finds the enrolment already completed.
        (await Service<CourseCompletionService>(scope).TryCompleteAsync(learner, certificate.CourseId)).ShouldBeFalse();
        (await Service<CertificateService>(scope).ListMissingAsync(10)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Id_and_mobile_numbers_are_stored_only_encrypted_and_found_by_their_keyed_hash()
    {
        await using var scope = data.Factory.Services.CreateAsyncScope();
        var protector = Service<PersonalDataProtector>(scope);
        await using var db = await data.NewContextAsync();
        var profiles = await db.LearnerProfiles.AsNoTracking().ToListAsync();
        profiles.Count.ShouldBeInRange(140, 200);

        var sample = profiles[0];
        var idNumber = ResidentIdNumber.Parse(protector.Unprotect(sample.IdNumberProtected), new DateOnly(2026, 11, 24));
        protector.LookupHash(PersonalDataKind.ResidentIdNumber, idNumber.Value).ShouldBe(sample.IdNumberHash);
        idNumber.Masked.ShouldBe(sample.IdNumberMasked);
        var found = await Service<LearningRecordService>(scope).FindLearnersAsync(idNumber.Value);
        found.ShouldHaveSingleItem().UserId.ShouldBe(sample.UserId);

        // No valid ID number and no mobile number in clear anywhere in the people tables.
        var settings = data.Factory.Services.GetRequiredService<DatabaseSettings>();
        await using var connection = new SqliteConnection(settings.ConnectionString);
        await connection.OpenAsync();
        foreach (var table in new[] { "LearnerProfiles", "AspNetUsers", "Certificates", "LearningEvents" })
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{table}\"";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    if (reader.GetValue(i) is not string text)
                    {
                        continue;
                    }

                    foreach (Match match in EighteenCharacters().Matches(text))
                    {
                        ResidentIdNumber.TryParse(match.Value, new DateOnly(2026, 11, 24), out _, out _).ShouldBeFalse($"{table} holds an ID number in clear");
                    }

                    text.ShouldNotContain(idNumber.Value);
                }
            }
        }

        var user = await db.Users.AsNoTracking().SingleAsync(u => u.Id == sample.UserId);
        var mobile = protector.Unprotect(user.MobileNumberProtected!);
        MobileNumber.TryParse(mobile, out var parsed).ShouldBeTrue();
        user.MobileNumberMasked.ShouldBe(parsed!.Masked);
        (await db.Users.CountAsync(u => u.UserName!.Contains(mobile) || u.DisplayName.Contains(mobile))).ShouldBe(0);
    }

    [Fact]
    public async Task The_same_seed_on_the_same_database_gives_the_same_data()
    {
        using var first = new TestDataDirectory();
        using var second = new TestDataDirectory();
        await using var a = GeneratedDataFixture.NewFactory(first.Path);
        await using var b = GeneratedDataFixture.NewFactory(second.Path);
        var options = GeneratedDataFixture.SmallOptions with { Learners = 60, StudyEvents = 1_500, Courses = 4 };

        await GeneratedDataFixture.GenerateAsync(a, options);
        await GeneratedDataFixture.GenerateAsync(b, options);

        (await GeneratedDataFixture.CanonicalDumpHashAsync(a)).ShouldBe(await GeneratedDataFixture.CanonicalDumpHashAsync(b));
    }

    [GeneratedRegex(@"(?<![0-9A-Za-z])[0-9]{17}[0-9Xx](?![0-9A-Za-z])")]
    private static partial Regex EighteenCharacters();
}
