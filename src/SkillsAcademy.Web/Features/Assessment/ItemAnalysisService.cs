using Microsoft.EntityFrameworkCore;
using SkillsAcademy.Domain.Assessment;
using SkillsAcademy.Domain.Catalog;
using SkillsAcademy.Infrastructure.Persistence;
using SkillsAcademy.Web.Features.Authoring;

namespace SkillsAcademy.Web.Features.Assessment;

/// <summary>
/// Item analysis for instructors: how each question of a course fares across all its versions (grouped by the
/// question's stable key) and how each learner does per quiz, so craftsmen can improve their questions. Only graded
/// items of closed attempts count. Aggregation runs in the database; only one page of rows comes back. Only the course
/// owner and federation staff may read it: the check is here, not only in the page.
/// </summary>
public sealed class ItemAnalysisService(IDbContextFactory<SkillsAcademyDbContext> contextFactory)
{
    public const int MaxPageSize = 100;

    /// <summary>The course's name and quizzes, or null when it does not exist or the actor may not see its results.</summary>
    public async Task<AnalysedCourse?> GetCourseAsync(AuthoringActor actor, int courseId, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        if (!await MayReadAsync(db, actor, courseId, cancellationToken))
        {
            return null;
        }

        var latest = await db.CourseVersions.AsNoTracking()
            .Include(v => v.Modules)
            .Where(v => v.CourseId == courseId)
            .OrderByDescending(v => v.Number)
            .FirstAsync(cancellationToken);
        var quizzes = latest.Modules.OrderBy(m => m.Position).Select(m => new AnalysedQuiz(QuizKeys.ForModule(m.Tag), m.Title)).ToList();
        return new AnalysedCourse(courseId, latest.Title, quizzes);
    }

    /// <summary>One page of questions with their attempts, correct rate and most chosen wrong answer, in the order asked.</summary>
    public async Task<AnalysisRows<QuestionAnalysis>?> ListQuestionsAsync(
        AuthoringActor actor, int courseId, QuestionOrder order, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        if (!await MayReadAsync(db, actor, courseId, cancellationToken))
        {
            return null;
        }

        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        var graded = GradedItems(db, courseId);
        var perQuestion = graded
            .GroupBy(i => i.QuestionKey)
            .Select(g => new { Key = g.Key, Answered = g.Count(), Correct = g.Count(i => i.Correct == true) });
        var total = await perQuestion.CountAsync(cancellationToken);
        var ordered = order switch
        {
            QuestionOrder.BestFirst => perQuestion.OrderByDescending(x => (double)x.Correct / x.Answered).ThenByDescending(x => x.Answered),
            QuestionOrder.MostAnswered => perQuestion.OrderByDescending(x => x.Answered).ThenBy(x => (double)x.Correct / x.Answered),
            _ => perQuestion.OrderBy(x => (double)x.Correct / x.Answered).ThenByDescending(x => x.Answered),
        };
        var rows = await ordered.ThenBy(x => x.Key).Skip(Math.Max(page, 0) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        if (rows.Count == 0)
        {
            return new AnalysisRows<QuestionAnalysis>([], total);
        }

        // Inlined as constants: the page holds at most MaxPageSize keys, and GUID parameters in a list compare unreliably across providers.
        var keys = rows.Select(r => r.Key).ToList();
        var wrongAnswers = await graded
            .Where(i => i.Correct == false && i.Chosen != null && EF.Constant(keys).Contains(i.QuestionKey))
            .GroupBy(i => new { i.QuestionKey, i.QuestionId, i.Chosen })
            .Select(g => new { g.Key.QuestionKey, g.Key.QuestionId, g.Key.Chosen, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var versions = await db.Set<Question>().AsNoTracking()
            .Where(q => EF.Constant(keys).Contains(q.Key))
            .Join(db.CourseVersions.Where(v => v.CourseId == courseId), q => q.CourseVersionId, v => v.Id, (q, v) => new { q.Id, q.Key, q.Stem, q.Tag, q.Type, v.Number })
            .ToListAsync(cancellationToken);
        var questionIds = versions.Select(v => v.Id).Concat(wrongAnswers.Select(w => w.QuestionId)).Distinct().ToList();
        var options = (await db.Set<QuestionOption>().AsNoTracking()
                .Where(o => questionIds.Contains(o.QuestionId))
                .Select(o => new { o.QuestionId, o.Position, o.Text })
                .ToListAsync(cancellationToken))
            .ToDictionary(o => (o.QuestionId, o.Position), o => o.Text);

        return new AnalysisRows<QuestionAnalysis>(rows.Select(row =>
        {
            var latest = versions.Where(v => v.Key == row.Key).MaxBy(v => v.Number);
            // Positions are those of the version the learner saw, so each wrong answer is named in that version's words.
            var mostChosenWrong = wrongAnswers
                .Where(w => w.QuestionKey == row.Key)
                .GroupBy(w => string.Join("；", w.Chosen!.Split(',').Select(p => options.GetValueOrDefault((w.QuestionId, int.Parse(p, System.Globalization.CultureInfo.InvariantCulture)), p))))
                .Select(g => new WrongAnswer(g.Key, g.Sum(w => w.Count)))
                .OrderByDescending(w => w.Count).ThenBy(w => w.Text, StringComparer.Ordinal)
                .FirstOrDefault();
            return new QuestionAnalysis(row.Key, latest?.Stem ?? "", latest?.Tag ?? "", latest?.Type, row.Answered, row.Correct, mostChosenWrong);
        }).ToList(), total);
    }

    /// <summary>One page of learners (by display name), each with their best score, attempts and pass per quiz.</summary>
    public async Task<AnalysisRows<LearnerResults>?> ListLearnersAsync(
        AuthoringActor actor, int courseId, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        if (!await MayReadAsync(db, actor, courseId, cancellationToken))
        {
            return null;
        }

        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        var closed = db.QuizAttempts.Where(a => a.CourseId == courseId && a.Status != AttemptStatus.Open);
        var learners = closed.GroupBy(a => a.LearnerId).Select(g => new { LearnerId = g.Key, Attempts = g.Count() })
            .Join(db.Users, x => x.LearnerId, u => u.Id, (x, u) => new { x.LearnerId, u.DisplayName, x.Attempts });
        var total = await learners.CountAsync(cancellationToken);
        var rows = await learners.OrderBy(x => x.DisplayName).ThenBy(x => x.LearnerId)
            .Skip(Math.Max(page, 0) * pageSize).Take(pageSize)
            .ToListAsync(cancellationToken);
        if (rows.Count == 0)
        {
            return new AnalysisRows<LearnerResults>([], total);
        }

        var ids = rows.Select(r => r.LearnerId).ToList();
        var perQuiz = await closed
            .Where(a => EF.Constant(ids).Contains(a.LearnerId))
            .GroupBy(a => new { a.LearnerId, a.QuizKey })
            .Select(g => new
            {
                g.Key.LearnerId,
                g.Key.QuizKey,
                Best = g.Max(a => a.ScorePercent) ?? 0,
                Attempts = g.Count(),
                Passed = g.Any(a => a.Passed == true),
            })
            .ToListAsync(cancellationToken);
        return new AnalysisRows<LearnerResults>(rows.Select(r => new LearnerResults(
            r.LearnerId,
            r.DisplayName,
            perQuiz.Where(q => q.LearnerId == r.LearnerId).OrderBy(q => q.QuizKey, StringComparer.Ordinal)
                .Select(q => new QuizResult(q.QuizKey, q.Best, q.Attempts, q.Passed)).ToList())).ToList(), total);
    }

    private static IQueryable<AttemptItem> GradedItems(SkillsAcademyDbContext db, int courseId) =>
        from item in db.AttemptItems
        join attempt in db.QuizAttempts on item.AttemptId equals attempt.Id
        where attempt.CourseId == courseId && attempt.Status != AttemptStatus.Open && item.Correct != null
        select item;

    // Another instructor's course looks exactly like a missing one.
    private static async Task<bool> MayReadAsync(SkillsAcademyDbContext db, AuthoringActor actor, int courseId, CancellationToken cancellationToken)
    {
        var course = await db.Courses.Where(c => c.Id == courseId).Select(c => new { c.OwnerId }).SingleOrDefaultAsync(cancellationToken);
        return course is not null && (actor.IsStaff || course.OwnerId == actor.UserId);
    }
}

public enum QuestionOrder
{
    /// <summary>Lowest correct rate first: the questions most worth a second look.</summary>
    WorstFirst = 1,
    BestFirst,
    MostAnswered,
}

public sealed record AnalysisRows<T>(IReadOnlyList<T> Items, int Total);

public sealed record AnalysedCourse(int CourseId, string Title, IReadOnlyList<AnalysedQuiz> ModuleQuizzes);

/// <summary>A quiz key and the module title it stands for in the latest version.</summary>
public sealed record AnalysedQuiz(string Key, string ModuleTitle);

/// <summary>A question across all versions, in the words of the latest version that holds it.</summary>
public sealed record QuestionAnalysis(Guid Key, string Stem, string Tag, QuestionType? Type, int Answered, int Correct, WrongAnswer? MostChosenWrong)
{
    /// <summary>Whole percent answered correctly.</summary>
    public int CorrectPercent => Answered == 0 ? 0 : Correct * 100 / Answered;
}

/// <summary>A wrong answer as the options' texts (several for a multiple-choice combination) and how often it was given.</summary>
public sealed record WrongAnswer(string Text, int Count);

public sealed record LearnerResults(Guid LearnerId, string DisplayName, IReadOnlyList<QuizResult> Quizzes);

public sealed record QuizResult(string QuizKey, int BestScorePercent, int Attempts, bool Passed);
