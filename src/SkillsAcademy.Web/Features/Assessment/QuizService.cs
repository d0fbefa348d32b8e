using System.Globalization;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using SkillsAcademy.Domain.Assessment;
using SkillsAcademy.Domain.Catalog;
using SkillsAcademy.Domain.Learning;
using SkillsAcademy.Infrastructure.Persistence;
using SkillsAcademy.Web.Features.Learning;

namespace SkillsAcademy.Web.Features.Assessment;

/// <summary>
/// Taking quizzes and exams: an attempt draws its questions once, saves answers as the learner goes and is graded
/// once on the server. The views handed to pages carry no answer key; only a review the policy allows does.
/// </summary>
public sealed partial class QuizService(
    IDbContextFactory<SkillsAcademyDbContext> contextFactory,
    TimeProvider timeProvider,
    CourseCompletionService completion,
    ILogger<QuizService> logger)
{
    /// <summary>The quiz as the learner sees it before or between attempts, or null if it is not theirs to take.</summary>
    public async Task<QuizOverview?> GetOverviewAsync(Guid learnerId, string courseCode, string quizKey, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var context = await FindQuizAsync(db, learnerId, courseCode, quizKey, cancellationToken);
        if (context is null)
        {
            return null;
        }

        var (courseId, version, settings, moduleTitle) = context.Value;
        await CloseExpiredAsync(db, learnerId, courseId, quizKey, cancellationToken);
        var attempts = await db.QuizAttempts.AsNoTracking()
            .Where(a => a.LearnerId == learnerId && a.CourseId == courseId && a.QuizKey == quizKey)
            .OrderBy(a => a.Number)
            .Select(a => new AttemptSummary(a.Id, a.Number, a.Status, a.StartedAt, a.DeadlineAt, a.ClosedAt, a.ScorePercent, a.Passed))
            .ToListAsync(cancellationToken);
        var bankSize = await BankAsync(db, version.Id, quizKey).CountAsync(cancellationToken);
        return new QuizOverview(courseCode, version.Title, quizKey, moduleTitle, settings.QuestionCount, settings.PassPercent, settings.TimeLimitMinutes,
            settings.AttemptsAllowed, settings.Review, Math.Min(bankSize, settings.QuestionCount), attempts);
    }

    /// <summary>Starts an attempt, or resumes the open one; a double tap or a second tab finds the same attempt.</summary>
    public async Task<StartResult> StartAsync(Guid learnerId, string courseCode, string quizKey, CancellationToken cancellationToken = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
            var context = await FindQuizAsync(db, learnerId, courseCode, quizKey, cancellationToken);
            if (context is null)
            {
                return new StartResult(StartOutcome.NotAvailable, null);
            }

            var (courseId, version, settings, _) = context.Value;
            await CloseExpiredAsync(db, learnerId, courseId, quizKey, cancellationToken);
            var previous = await db.QuizAttempts.AsNoTracking()
                .Where(a => a.LearnerId == learnerId && a.CourseId == courseId && a.QuizKey == quizKey)
                .Select(a => new { a.Id, a.Number, a.Status, a.Passed })
                .ToListAsync(cancellationToken);
            if (previous.FirstOrDefault(a => a.Status == AttemptStatus.Open) is { } open)
            {
                return new StartResult(StartOutcome.Resumed, open.Id);
            }

            if (previous.Any(a => a.Passed == true))
            {
                return new StartResult(StartOutcome.AlreadyPassed, null);
            }

            if (settings.AttemptsAllowed > 0 && previous.Count >= settings.AttemptsAllowed)
            {
                return new StartResult(StartOutcome.NoAttemptsLeft, null);
            }

            var bank = await BankAsync(db, version.Id, quizKey)
                .Select(q => new { q.Id, q.Key, q.Type, Options = q.Options.Count })
                .ToListAsync(cancellationToken);
            if (bank.Count == 0)
            {
                return new StartResult(StartOutcome.NotAvailable, null);
            }

            var now = timeProvider.GetUtcNow();
            var started = new QuizAttempt(Guid.NewGuid(), learnerId, courseId, version.Id, quizKey, previous.Count + 1, now, TimeSpan.FromMinutes(settings.TimeLimitMinutes));
            foreach (var question in QuizDraw.Questions(bank, settings.QuestionCount, RandomNumberGenerator.GetInt32))
            {
                started.AddItem(question.Key, question.Id, QuizDraw.OptionOrder(question.Options, question.Type != QuestionType.TrueFalse, RandomNumberGenerator.GetInt32));
            }

            db.QuizAttempts.Add(started);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return new StartResult(StartOutcome.Started, started.Id);
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                // Another tap started an attempt at the same moment: the unique indexes kept one; look again.
            }
        }
    }

    /// <summary>The open attempt for answering: questions and options in their shown order, the learner's answers, no key.</summary>
    public async Task<AttemptSheet?> GetSheetAsync(Guid learnerId, Guid attemptId, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var attempt = await db.QuizAttempts.AsNoTracking().Include(a => a.Items)
            .SingleOrDefaultAsync(a => a.Id == attemptId && a.LearnerId == learnerId, cancellationToken);
        if (attempt is null)
        {
            return null;
        }

        var questions = await QuestionsAsync(db, attempt, cancellationToken);
        var items = attempt.Items.OrderBy(i => i.Position).Select(item =>
        {
            var question = questions[item.QuestionId];
            var chosen = item.ChosenPositions;
            return new SheetQuestion(
                item.Position,
                question.Type,
                question.Stem,
                item.ShownOrder.Select(position => question.Options[position]).ToList(),
                item.ShownOrder.Select((position, index) => (position, index)).Where(p => chosen.Contains(p.position)).Select(p => p.index).ToList());
        }).ToList();
        return new AttemptSheet(attempt.Id, attempt.QuizKey, attempt.Number, attempt.Status, attempt.DeadlineAt, items);
    }

    /// <summary>Saves one answer while the attempt is open and in time; nothing changes after submission or the deadline.</summary>
    public async Task<AnswerOutcome> AnswerAsync(Guid learnerId, Guid attemptId, int position, IReadOnlyCollection<int> displayIndexes, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var item = await db.AttemptItems.AsNoTracking()
            .SingleOrDefaultAsync(i => i.AttemptId == attemptId && i.Position == position && db.QuizAttempts.Any(a => a.Id == attemptId && a.LearnerId == learnerId), cancellationToken);
        if (item is null || !item.Choose(displayIndexes))
        {
            return AnswerOutcome.Invalid;
        }

        var now = timeProvider.GetUtcNow();
        var earliestDeadline = now - QuizAttempt.SubmissionGrace;
        var saved = await db.AttemptItems
            .Where(i => i.AttemptId == attemptId && i.Position == position
                && db.QuizAttempts.Any(a => a.Id == attemptId && a.Status == AttemptStatus.Open && a.DeadlineAt >= earliestDeadline))
            .ExecuteUpdateAsync(set => set.SetProperty(i => i.Chosen, item.Chosen), cancellationToken);
        if (saved == 1)
        {
            return AnswerOutcome.Saved;
        }

        var status = await db.QuizAttempts.Where(a => a.Id == attemptId).Select(a => a.Status).SingleAsync(cancellationToken);
        return status == AttemptStatus.Open ? AnswerOutcome.TimeUp : AnswerOutcome.Closed;
    }

    /// <summary>Submits the attempt once; a second or replayed submission, or one after the time limit, is refused.</summary>
    public async Task<SubmitResult> SubmitAsync(Guid learnerId, Guid attemptId, CancellationToken cancellationToken = default)
    {
        var outcome = await CloseAsync(attemptId, learnerId, cancellationToken);
        return outcome;
    }

    /// <summary>Closes and grades every open attempt past its time limit (the recurring job); each is graded once.</summary>
    public async Task<int> CloseExpiredAttemptsAsync(CancellationToken cancellationToken = default)
    {
        List<Guid> expired;
        await using (var db = await contextFactory.CreateDbContextAsync(cancellationToken))
        {
            var cutoff = timeProvider.GetUtcNow() - QuizAttempt.SubmissionGrace;
            expired = await db.QuizAttempts.Where(a => a.Status == AttemptStatus.Open && a.DeadlineAt < cutoff).Select(a => a.Id).ToListAsync(cancellationToken);
        }

        var closed = 0;
        foreach (var id in expired)
        {
            closed += (await CloseAsync(id, null, cancellationToken)).Outcome == SubmitOutcome.TimeUp ? 1 : 0;
        }

        return closed;
    }

    /// <summary>A closed attempt's result; answers and explanations only when the quiz's review policy allows it now.</summary>
    public async Task<AttemptResult?> GetResultAsync(Guid learnerId, Guid attemptId, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var attempt = await db.QuizAttempts.AsNoTracking().Include(a => a.Items)
            .SingleOrDefaultAsync(a => a.Id == attemptId && a.LearnerId == learnerId, cancellationToken);
        if (attempt is null || attempt.IsOpen)
        {
            return null;
        }

        var version = await db.CourseVersions.AsNoTracking().Include(v => v.Modules)
            .SingleAsync(v => v.Id == attempt.CourseVersionId, cancellationToken);
        var settings = StudyVersionQueries.FindQuiz(version, attempt.QuizKey)?.Settings;
        var passedQuiz = await db.QuizAttempts.AnyAsync(
            a => a.LearnerId == learnerId && a.CourseId == attempt.CourseId && a.QuizKey == attempt.QuizKey && a.Passed == true, cancellationToken);
        var mayReview = settings is not null && QuizGrading.MayReview(settings.Review, passedQuiz);
        IReadOnlyList<ReviewQuestion>? review = null;
        if (mayReview)
        {
            var questions = await QuestionsAsync(db, attempt, cancellationToken);
            review = attempt.Items.OrderBy(i => i.Position).Select(item =>
            {
                var question = questions[item.QuestionId];
                var chosen = item.ChosenPositions;
                return new ReviewQuestion(
                    item.Position, question.Type, question.Stem,
                    item.ShownOrder.Select(p => new ReviewOption(question.Options[p], chosen.Contains(p), question.Correct.Contains(p))).ToList(),
                    item.Correct == true,
                    question.Explanation);
            }).ToList();
        }

        return new AttemptResult(attempt.Id, attempt.QuizKey, attempt.Number, attempt.Status, attempt.ScorePercent ?? 0, attempt.Passed == true,
            attempt.CorrectCount ?? 0, attempt.Items.Count, settings?.PassPercent ?? 0, settings?.Review ?? ReviewPolicy.Never, review);
    }

    private async Task<SubmitResult> CloseAsync(Guid attemptId, Guid? learnerId, CancellationToken cancellationToken)
    {
        for (var round = 1; ; round++)
        {
            await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
            var attempt = await db.QuizAttempts.Include(a => a.Items)
                .SingleOrDefaultAsync(a => a.Id == attemptId && (learnerId == null || a.LearnerId == learnerId), cancellationToken);
            if (attempt is null)
            {
                return new SubmitResult(SubmitOutcome.NotFound, attemptId);
            }

            if (!attempt.IsOpen)
            {
                return new SubmitResult(SubmitOutcome.AlreadySubmitted, attemptId);
            }

            var now = timeProvider.GetUtcNow();
            var late = attempt.IsPastDeadline(now);
            if (learnerId is null && !late)
            {
                return new SubmitResult(SubmitOutcome.NotFound, attemptId);
            }

            var version = await db.CourseVersions.AsNoTracking().Include(v => v.Modules).SingleAsync(v => v.Id == attempt.CourseVersionId, cancellationToken);
            var passPercent = StudyVersionQueries.FindQuiz(version, attempt.QuizKey)?.Settings.PassPercent ?? 100;
            var questionIds = attempt.Items.Select(i => i.QuestionId).ToList();
            var correct = (await db.Set<QuestionOption>().AsNoTracking()
                    .Where(o => questionIds.Contains(o.QuestionId) && o.IsCorrect)
                    .Select(o => new { o.QuestionId, o.Position })
                    .ToListAsync(cancellationToken))
                .GroupBy(o => o.QuestionId)
                .ToDictionary(g => g.Key, g => (IReadOnlySet<int>)g.Select(o => o.Position).ToHashSet());
            attempt.Close(late ? AttemptStatus.TimedOut : AttemptStatus.Submitted, correct, passPercent, now);
            await LearningRecords.AppendAsync(db, new NewLearningEvent(attempt.LearnerId, LearningEventKind.QuizSubmitted, now, new Dictionary<string, string>
            {
                ["courseId"] = attempt.CourseId.ToString(CultureInfo.InvariantCulture),
                ["quiz"] = attempt.QuizKey,
                ["attempt"] = attempt.Number.ToString(CultureInfo.InvariantCulture),
                ["score"] = attempt.ScorePercent!.Value.ToString(CultureInfo.InvariantCulture),
                ["passed"] = attempt.Passed == true ? "true" : "false",
                ["status"] = attempt.Status.ToString(),
            }), cancellationToken);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                // The attempt was closed by another submission (or the expiry job) first.
                return new SubmitResult(SubmitOutcome.AlreadySubmitted, attemptId);
            }
            catch (DbUpdateException) when (round < 3)
            {
                // Another event of the learner took the chain position: grade again on fresh rows.
                continue;
            }

            LogClosed(attempt.LearnerId, attempt.QuizKey, attempt.Number, attempt.Status, attempt.ScorePercent.Value);
            if (attempt.Passed == true)
            {
                await completion.TryCompleteAsync(attempt.LearnerId, attempt.CourseId, cancellationToken);
            }

            return new SubmitResult(late ? SubmitOutcome.TimeUp : SubmitOutcome.Submitted, attemptId);
        }
    }

    private async Task CloseExpiredAsync(SkillsAcademyDbContext db, Guid learnerId, int courseId, string quizKey, CancellationToken cancellationToken)
    {
        var cutoff = timeProvider.GetUtcNow() - QuizAttempt.SubmissionGrace;
        var expired = await db.QuizAttempts
            .Where(a => a.LearnerId == learnerId && a.CourseId == courseId && a.QuizKey == quizKey && a.Status == AttemptStatus.Open && a.DeadlineAt < cutoff)
            .Select(a => a.Id)
            .ToListAsync(cancellationToken);
        foreach (var id in expired)
        {
            await CloseAsync(id, null, cancellationToken);
        }
    }

    private static async Task<(int CourseId, CourseVersion Version, QuizSettings Settings, string? ModuleTitle)?> FindQuizAsync(
        SkillsAcademyDbContext db, Guid learnerId, string courseCode, string quizKey, CancellationToken cancellationToken)
    {
        var courseId = await db.Enrolments
            .Where(e => e.LearnerId == learnerId && db.Courses.Any(c => c.Id == e.CourseId && c.Code == courseCode))
            .Select(e => (int?)e.CourseId)
            .SingleOrDefaultAsync(cancellationToken);
        if (courseId is null || await StudyVersionQueries.LoadAsync(db, courseId.Value, cancellationToken) is not { } version
            || StudyVersionQueries.FindQuiz(version, quizKey) is not { } quiz)
        {
            return null;
        }

        return (courseId.Value, version, quiz.Settings, quiz.ModuleTitle);
    }

    private static IQueryable<Question> BankAsync(SkillsAcademyDbContext db, int versionId, string quizKey)
    {
        var questions = db.Set<Question>().Where(q => q.CourseVersionId == versionId);
        var tag = QuizKeys.ModuleTagOf(quizKey);
        return tag is null ? questions : questions.Where(q => q.Tag == tag);
    }

    private static async Task<Dictionary<int, QuestionText>> QuestionsAsync(SkillsAcademyDbContext db, QuizAttempt attempt, CancellationToken cancellationToken)
    {
        var ids = attempt.Items.Select(i => i.QuestionId).ToList();
        var rows = await db.Set<Question>().AsNoTracking()
            .Where(q => ids.Contains(q.Id))
            .Select(q => new { q.Id, q.Type, q.Stem, q.Explanation, Options = q.Options.Select(o => new { o.Position, o.Text, o.IsCorrect }).ToList() })
            .ToListAsync(cancellationToken);
        return rows.ToDictionary(
            q => q.Id,
            q => new QuestionText(q.Id, q.Type, q.Stem, q.Explanation,
                q.Options.ToDictionary(o => o.Position, o => o.Text),
                q.Options.Where(o => o.IsCorrect).Select(o => o.Position).ToHashSet()));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Learner {LearnerId} closed attempt {Number} of {QuizKey} as {Status} with {Score}%")]
    private partial void LogClosed(Guid learnerId, string quizKey, int number, AttemptStatus status, int score);

    private sealed record QuestionText(int Id, QuestionType Type, string Stem, string Explanation, Dictionary<int, string> Options, HashSet<int> Correct);
}

public sealed record QuizOverview(
    string CourseCode,
    string CourseTitle,
    string QuizKey,
    string? ModuleTitle,
    int QuestionCount,
    int PassPercent,
    int TimeLimitMinutes,
    int AttemptsAllowed,
    ReviewPolicy Review,
    int QuestionsDrawn,
    IReadOnlyList<AttemptSummary> Attempts)
{
    public bool IsFinalExam => QuizKeys.IsFinalExam(QuizKey);

    public bool Passed => Attempts.Any(a => a.Passed == true);

    public AttemptSummary? OpenAttempt => Attempts.FirstOrDefault(a => a.Status == AttemptStatus.Open);

    public int AttemptsLeft => AttemptsAllowed == 0 ? int.MaxValue : Math.Max(0, AttemptsAllowed - Attempts.Count);

    public int? BestScore => Attempts.Max(a => a.ScorePercent);
}

public sealed record AttemptSummary(Guid Id, int Number, AttemptStatus Status, DateTimeOffset StartedAt, DateTimeOffset DeadlineAt, DateTimeOffset? ClosedAt, int? ScorePercent, bool? Passed);

public enum StartOutcome
{
    Started,
    Resumed,
    AlreadyPassed,
    NoAttemptsLeft,
    NotAvailable,
}

public sealed record StartResult(StartOutcome Outcome, Guid? AttemptId);

/// <summary>The answer sheet of an open attempt. By construction it holds no correct answers and no explanations.</summary>
public sealed record AttemptSheet(Guid AttemptId, string QuizKey, int Number, AttemptStatus Status, DateTimeOffset DeadlineAt, IReadOnlyList<SheetQuestion> Questions);

/// <param name="Chosen">Display indexes (0-based) of the options the learner has chosen.</param>
public sealed record SheetQuestion(int Position, QuestionType Type, string Stem, IReadOnlyList<string> Options, IReadOnlyList<int> Chosen);

public enum AnswerOutcome
{
    Saved,
    Closed,
    TimeUp,
    Invalid,
}

public enum SubmitOutcome
{
    Submitted,
    TimeUp,
    AlreadySubmitted,
    NotFound,
}

public sealed record SubmitResult(SubmitOutcome Outcome, Guid AttemptId);

public sealed record AttemptResult(
    Guid AttemptId,
    string QuizKey,
    int Number,
    AttemptStatus Status,
    int ScorePercent,
    bool Passed,
    int CorrectCount,
    int QuestionCount,
    int PassPercent,
    ReviewPolicy Review,
    IReadOnlyList<ReviewQuestion>? Answers);

public sealed record ReviewQuestion(int Position, QuestionType Type, string Stem, IReadOnlyList<ReviewOption> Options, bool Correct, string Explanation);

public sealed record ReviewOption(string Text, bool Chosen, bool IsCorrect);
