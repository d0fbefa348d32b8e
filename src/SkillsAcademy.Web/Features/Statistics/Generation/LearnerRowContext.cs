using System.Globalization;
using Bogus;
using SkillsAcademy.Domain.Assessment;
using SkillsAcademy.Domain.Certificates;
using SkillsAcademy.Domain.Learning;
using SkillsAcademy.Domain.People;
using SkillsAcademy.Domain.Vouchers;
using SkillsAcademy.Infrastructure.Identity;
using SkillsAcademy.Infrastructure.PersonalData;

namespace SkillsAcademy.Web.Features.Statistics.Generation;

/// <summary>
/// Turns one planned learner into rows: the account, the real-name profile, enrolments, lesson progress, exam attempts,
/// certificates, vouchers, check-ins and the hash-chained learning events (through <see cref="LearningEventChain"/>,
/// with the same data keys the features write). Runs on the producer thread only.
/// </summary>
internal sealed class LearnerRowContext(
    LearnerPlan plan,
    IReadOnlyList<GeneratedCourse> courses,
    IReadOnlyList<GeneratedBatch> batches,
    GenerationWindow window,
    RunStart run,
    CertificateNumbers certificates,
    GenerationTables tables,
    Faker faker,
    PersonalDataProtector personalData,
    string? passwordHash,
    string issuer)
{
    private const string VoucherAlphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    private const string SecurityStampAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private readonly DemoPeople _people = new(faker);

    public LearnerPlan Plan => plan;

    public RunStart Run => run;

    public IReadOnlyList<GeneratedBatch> Batches => batches;

    public Dictionary<int, int> RedeemedPerBatch { get; } = [];

    /// <summary>Adds the learner's rows to <paramref name="batch"/>; returns the number of learning events.</summary>
    public int AddLearner(RowBatch batch, int index)
    {
        var learner = plan.Learners[index];
        var enrolments = plan.EnrolmentsOf(learner);
        // The same seed as the certificate numbering pass: the same schedule.
        var random = new Random(learner.Seed);
        var schedule = StudySchedule.Draw(random, learner, enrolments, courses, batches, window);
        faker.Random = new Randomizer(learner.Seed);

        var realName = _people.RealName();
        string mobile, mobileHash;
        do
        {
            mobile = _people.MobileNumber();
            mobileHash = personalData.LookupHash(PersonalDataKind.MobileNumber, mobile);
        }
        while (!run.MobileHashes.Add(mobileHash));

        var userName = ApplicationUser.UserNameForMobileHash(mobileHash);
        batch.Add(tables.Users, learner.Id, realName, mobileHash, personalData.Protect(mobile), MobileNumber.TryParse(mobile, out var parsed) ? parsed.Masked : null,
            schedule.CreatedAt, userName, userName.ToUpperInvariant(), false, passwordHash, RandomText(random, SecurityStampAlphabet, 32),
            DemoCatalog.RandomGuid(random).ToString(), false, false, true, 0);
        batch.Add(tables.UserRoles, learner.Id, run.LearnerRoleId);

        var idMasked = "";
        if (learner.HasProfile)
        {
            var birth = _people.BirthDate(window.From);
            var area = _people.IdAreaCode(learner.RegionCode);
            var male = random.NextDouble() < 0.7;
            string idNumber, idHash;
            var serial = random.Next(500);
            do
            {
                idNumber = DemoPeople.IdNumber(area, birth, male, serial);
                idHash = personalData.LookupHash(PersonalDataKind.ResidentIdNumber, idNumber);
                serial = (serial + 1) % 500;
                birth = serial == 0 ? birth.AddDays(1) : birth;
            }
            while (!run.IdNumberHashes.Add(idHash));

            var id = ResidentIdNumber.Parse(idNumber, window.LastDay);
            idMasked = id.Masked;
            batch.Add(tables.Profiles, learner.Id, realName, personalData.Protect(id.Value), idHash, idMasked, learner.EnterpriseId,
                learner.RegionCode, learner.UnionMember, schedule.ProfileAt);
        }

        var events = new List<PendingEvent>();
        foreach (var (day, at) in schedule.CheckIns)
        {
            batch.Add(tables.CheckIns, learner.Id, day, at);
            events.Add(new PendingEvent(at, 2, events.Count, LearningEventKind.CheckedIn, new() { ["day"] = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) }));
        }

        for (var e = 0; e < enrolments.Length; e++)
        {
            AddEnrolment(batch, random, learner, learner.FirstEnrolment + e, enrolments[e], schedule.Enrolments[e], realName, idMasked, events);
        }

        // Time order; at one instant, the order the features record things in.
        events.Sort();
        LearningEvent? previous = null;
        foreach (var pending in events)
        {
            var appended = LearningEventChain.Append(previous, new NewLearningEvent(learner.Id, pending.Kind, pending.At, pending.Data));
            batch.Add(tables.Events, appended.LearnerId, appended.Sequence, appended.Kind, appended.OccurredAt, appended.Data, appended.PreviousHash, appended.Hash);
            previous = appended;
        }

        return events.Count;
    }

    public string NewVoucherCode(Random random)
    {
        string code;
        do
        {
            code = RandomText(random, VoucherAlphabet, VoucherCode.Length);
        }
        while (!run.VoucherCodes.Add(code));

        return code;
    }

    private void AddEnrolment(
        RowBatch batch, Random random, PlannedLearner learner, int index, PlannedEnrolment planned, EnrolmentSchedule schedule,
        string realName, string idMasked, List<PendingEvent> events)
    {
        var course = courses[planned.CourseIndex];
        var enrolmentId = run.NextEnrolmentId + index;
        var courseId = course.Id.ToString(CultureInfo.InvariantCulture);
        batch.Add(tables.Enrolments, enrolmentId, learner.Id, course.Id, course.VersionId, schedule.EnrolledAt, schedule.CompletedAt);
        events.Add(new PendingEvent(schedule.EnrolledAt, 0, events.Count, LearningEventKind.Enrolled, new()
        {
            ["course"] = course.Code,
            ["courseVersionId"] = course.VersionId.ToString(CultureInfo.InvariantCulture),
        }));

        if (planned.Batch >= 0)
        {
            var voucherBatch = batches[planned.Batch];
            var voucherId = run.NextVoucherId + planned.VoucherOrdinal;
            RedeemedPerBatch[voucherBatch.Id] = RedeemedPerBatch.GetValueOrDefault(voucherBatch.Id) + 1;
            batch.Add(tables.Vouchers, voucherId, voucherBatch.Id, NewVoucherCode(random), VoucherStatus.Redeemed, learner.Id,
                schedule.VoucherAssignedAt, VoucherRefusal.None, enrolmentId, schedule.EnrolledAt);
            batch.Add(tables.Redemptions, run.NextRedemptionId + planned.VoucherOrdinal, DemoCatalog.RandomGuid(random), voucherId, learner.Id, course.Id,
                RedemptionRequestStatus.Redeemed, VoucherRefusal.None, schedule.VoucherRequestedAt, schedule.EnrolledAt);
            batch.Add(tables.Settlements, run.NextSettlementId + planned.VoucherOrdinal, voucherBatch.Id, voucherId, course.Id, null, "",
                voucherBatch.FaceValue, SettlementEntry.MonthOf(window.Calendar.DayOf(schedule.EnrolledAt)), schedule.EnrolledAt);
            events.Add(new PendingEvent(schedule.EnrolledAt, 1, events.Count, LearningEventKind.VoucherRedeemed, new()
            {
                ["course"] = course.Code,
                ["voucherId"] = voucherId.ToString(CultureInfo.InvariantCulture),
                ["batchId"] = voucherBatch.Id.ToString(CultureInfo.InvariantCulture),
                ["amount"] = voucherBatch.FaceValue.ToString("0.00", CultureInfo.InvariantCulture),
            }));
        }

        var credited = new int[course.Lessons.Length];
        foreach (var segment in schedule.Segments)
        {
            var lesson = course.Lessons[segment.Lesson];
            events.Add(new PendingEvent(segment.EndAt, 3, events.Count, LearningEventKind.StudySegmentCredited, new()
            {
                ["lesson"] = lesson.KeyText,
                ["courseId"] = courseId,
                ["seconds"] = segment.Seconds.ToString(CultureInfo.InvariantCulture),
            }));
            credited[segment.Lesson] += segment.Seconds;
            if (schedule.Lessons[segment.Lesson].CompletedAt == segment.EndAt)
            {
                events.Add(new PendingEvent(segment.EndAt, 4, events.Count, LearningEventKind.LessonCompleted, new()
                {
                    ["lesson"] = lesson.KeyText,
                    ["courseId"] = courseId,
                    ["creditedSeconds"] = credited[segment.Lesson].ToString(CultureInfo.InvariantCulture),
                }));
            }
        }

        for (var l = 0; l < course.Lessons.Length; l++)
        {
            var tally = schedule.Lessons[l];
            if (tally.Segments > 0)
            {
                batch.Add(tables.LessonProgress, learner.Id, course.Lessons[l].Key, course.Id, tally.LastAt, tally.Seconds * 1000L,
                    tally.Segments, 0L, 0, tally.CompletedAt, tally.Segments);
            }
        }

        for (var a = 0; a < schedule.Attempts.Count; a++)
        {
            AddAttempt(batch, random, learner.Id, course, a + 1, schedule.Attempts[a], events);
        }

        if (schedule.CompletedAt is { } completedAt)
        {
            events.Add(new PendingEvent(completedAt, 6, events.Count, LearningEventKind.CourseCompleted, new()
            {
                ["courseId"] = courseId,
                ["courseVersionId"] = course.VersionId.ToString(CultureInfo.InvariantCulture),
            }));
        }

        if (schedule.CertificateIssuedAt is { } issuedAt && certificates.Of(index) is var (certificateId, year, sequence))
        {
            var serial = CertificateSerial.Create(issuer, year, sequence).Value;
            batch.Add(tables.Certificates, certificateId, serial, issuer, year, sequence, RandomText(random, VerificationCode.Alphabet, VerificationCode.Length),
                enrolmentId, learner.Id, course.Id, realName, idMasked, course.Title, course.OccupationName, course.OccupationCode, course.Level,
                course.CreditHours, schedule.CompletedAt!.Value, issuedAt);
            events.Add(new PendingEvent(issuedAt, 7, events.Count, LearningEventKind.CertificateIssued, new()
            {
                ["courseId"] = courseId,
                ["serial"] = serial,
            }));
        }
    }

    private void AddAttempt(RowBatch batch, Random random, Guid learnerId, GeneratedCourse course, int number, ScheduledAttempt attempt, List<PendingEvent> events)
    {
        var id = DemoCatalog.RandomGuid(random);
        var drawn = course.Questions.ToArray();
        random.Shuffle(drawn);
        var count = Math.Min(course.ExamQuestionCount, drawn.Length);
        var correct = new bool[count];
        for (var i = 0; i < attempt.Correct && i < count; i++)
        {
            correct[i] = true;
        }

        random.Shuffle(correct);
        var score = QuizGrading.ScorePercent(attempt.Correct, count);
        batch.Add(tables.Attempts, id, learnerId, course.Id, course.VersionId, QuizKeys.FinalExam, number, attempt.StartedAt,
            attempt.StartedAt.AddMinutes(course.ExamTimeLimitMinutes), attempt.ClosedAt, AttemptStatus.Submitted, attempt.Correct, score, attempt.Passed);
        for (var i = 0; i < count; i++)
        {
            var question = drawn[i];
            var order = Enumerable.Range(1, question.OptionCount).ToArray();
            random.Shuffle(order);
            var wrong = 1 + (question.CorrectPosition + random.Next(question.OptionCount - 1)) % question.OptionCount;
            var chosen = correct[i] ? question.CorrectPosition : wrong;
            batch.Add(tables.AttemptItems, id, i + 1, question.Key, question.Id, string.Join(',', order),
                chosen.ToString(CultureInfo.InvariantCulture), correct[i]);
        }

        events.Add(new PendingEvent(attempt.ClosedAt, 5, events.Count, LearningEventKind.QuizSubmitted, new()
        {
            ["courseId"] = course.Id.ToString(CultureInfo.InvariantCulture),
            ["quiz"] = QuizKeys.FinalExam,
            ["attempt"] = number.ToString(CultureInfo.InvariantCulture),
            ["score"] = score.ToString(CultureInfo.InvariantCulture),
            ["passed"] = attempt.Passed ? "true" : "false",
            ["status"] = nameof(AttemptStatus.Submitted),
        }));
    }

    private static string RandomText(Random random, string alphabet, int length) =>
        string.Create(length, (random, alphabet), static (span, state) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = state.alphabet[state.random.Next(state.alphabet.Length)];
            }
        });

    /// <summary>An event before it has its place in the chain; sorts by time (whole milliseconds), rank, then creation.</summary>
    private sealed record PendingEvent(DateTimeOffset At, int Rank, int Order, LearningEventKind Kind, Dictionary<string, string> Data)
        : IComparable<PendingEvent>
    {
        private long Milliseconds => At.UtcTicks / TimeSpan.TicksPerMillisecond;

        public int CompareTo(PendingEvent? other) =>
            other is null ? 1
            : Milliseconds != other.Milliseconds ? Milliseconds.CompareTo(other.Milliseconds)
            : Rank != other.Rank ? Rank.CompareTo(other.Rank)
            : Order.CompareTo(other.Order);
    }
}
