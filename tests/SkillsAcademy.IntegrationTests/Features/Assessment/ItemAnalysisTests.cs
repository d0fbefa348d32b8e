using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SkillsAcademy.Domain.Assessment;
using SkillsAcademy.Domain.Catalog;
using SkillsAcademy.Domain.People;
using SkillsAcademy.Infrastructure.Identity;
using SkillsAcademy.Infrastructure.Persistence;
using SkillsAcademy.TestUtilities;
using SkillsAcademy.Web.Features.Assessment;
using SkillsAcademy.Web.Features.Authoring;
using SkillsAcademy.Web.Features.Authoring.Packages;

namespace SkillsAcademy.IntegrationTests.Features.Assessment;

/// <summary>Item analysis on attempts written straight into the database, as grading would leave them.</summary>
public sealed class ItemAnalysisTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 1, 0, 0, TimeSpan.Zero);

    private T Service<T>() where T : notnull => app.Factory.Services.CreateScope().ServiceProvider.GetRequiredService<T>();

    private async Task<Guid> UserAsync(string account, string displayName, string role)
    {
        using var scope = app.Factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await users.FindByNameAsync(account);
        if (user is null)
        {
            user = new ApplicationUser { UserName = account, Email = account, DisplayName = displayName, CreatedAt = DateTimeOffset.UtcNow };
            (await users.CreateAsync(user, "Other2026")).Succeeded.ShouldBeTrue();
            (await users.AddToRoleAsync(user, role)).Succeeded.ShouldBeTrue();
        }

        return user.Id;
    }

    private async Task<AuthoringActor> OwnerAsync() =>
        new(await UserAsync(SkillsAcademyWebFactory.InstructorAccount, "", Roles.Instructor), IsStaff: false);

    /// <summary>A course whose question 1 is single choice with option 1 correct, question 2 multiple choice with options 1 and 2 correct.</summary>
    private async Task<(int CourseId, CourseVersion Version)> CourseAsync(string code, Guid ownerId)
    {
        var package = CoursePackages.Valid(code) with
        {
            Questions =
            [
                new PackageQuestion { Type = "SingleChoice", Tag = "safety", Stem = "焊接时应佩戴什么？", Options = ["焊接面罩", "墨镜", "口罩"], Answer = [0], Explanation = "焊接面罩能挡住弧光。" },
                new PackageQuestion { Type = "MultipleChoice", Tag = "safety", Stem = "哪些属于劳动防护用品？", Options = ["绝缘鞋", "焊工手套", "拖鞋"], Answer = [0, 1], Explanation = "拖鞋不能防护。" },
                new PackageQuestion { Type = "TrueFalse", Tag = "arc", Stem = "引弧时可以直接用手扶焊条。", Answer = [1], Explanation = "必须戴手套并使用焊钳。" },
            ],
        };
        var result = await Service<CourseImportService>().ImportAsync(CoursePackages.Source(package), new CourseImportOptions(true, ownerId));
        result.Errors.ShouldBeEmpty();
        var factory = app.Factory.Services.GetRequiredService<IDbContextFactory<SkillsAcademyDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        var version = await db.CourseVersions.Include(v => v.Questions).ThenInclude(q => q.Options).SingleAsync(v => v.Id == result.VersionId);
        return (result.CourseId!.Value, version);
    }

    /// <summary>Writes one attempt; <paramref name="chosen"/> holds, per question stem, the original option positions picked.</summary>
    private async Task AttemptAsync(int courseId, CourseVersion version, Guid learnerId, int number, bool close, params (string Stem, int[] Chosen)[] chosen)
    {
        var attempt = new QuizAttempt(Guid.NewGuid(), learnerId, courseId, version.Id, QuizKeys.ForModule("safety"), number, Start.AddDays(number), TimeSpan.FromMinutes(15));
        var questions = chosen.Select(c => version.Questions.Single(q => q.Stem == c.Stem)).ToList();
        foreach (var question in questions)
        {
            attempt.AddItem(question.Key, question.Id, question.Options.OrderBy(o => o.Position).Select(o => o.Position).ToList());
        }

        // Options were "shown" in their original order, so display index = position - 1.
        foreach (var (item, (_, positions)) in attempt.Items.Zip(chosen))
        {
            item.Choose(positions.Select(p => p - 1).ToList()).ShouldBeTrue();
        }

        if (close)
        {
            attempt.Close(
                AttemptStatus.Submitted,
                questions.ToDictionary(q => q.Id, q => (IReadOnlySet<int>)q.Options.Where(o => o.IsCorrect).Select(o => o.Position).ToHashSet()),
                passPercent: 60,
                Start.AddDays(number).AddMinutes(10));
        }

        var factory = app.Factory.Services.GetRequiredService<IDbContextFactory<SkillsAcademyDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        db.QuizAttempts.Add(attempt);
        await db.SaveChangesAsync();
    }

    private const string Single = "焊接时应佩戴什么？";
    private const string Multiple = "哪些属于劳动防护用品？";

    /// <summary>
    /// Question 1: four graded answers, one correct, wrong choices 2, 2, 3 (25%). Question 2: three of four correct (75%).
    /// 王师傅: 50% then 100% (passed). 李师傅: 50% then 0%. 张师傅: an open attempt only, which does not count
    /// (had it counted, 口罩 would tie with 墨镜 and sort first).
    /// </summary>
    private async Task<int> CourseWithAttemptsAsync(string code, AuthoringActor owner)
    {
        var (courseId, version) = await CourseAsync(code, owner.UserId);
        var wang = await UserAsync($"wang-{code}@example.cn", "王师傅", Roles.Learner);
        var li = await UserAsync($"li-{code}@example.cn", "李师傅", Roles.Learner);
        var zhang = await UserAsync($"zhang-{code}@example.cn", "张师傅", Roles.Learner);
        await AttemptAsync(courseId, version, wang, 1, close: true, (Single, [2]), (Multiple, [1, 2]));
        await AttemptAsync(courseId, version, wang, 2, close: true, (Single, [1]), (Multiple, [1, 2]));
        await AttemptAsync(courseId, version, li, 1, close: true, (Single, [2]), (Multiple, [1, 2]));
        await AttemptAsync(courseId, version, li, 2, close: true, (Single, [3]), (Multiple, [1, 2, 3]));
        await AttemptAsync(courseId, version, zhang, 1, close: false, (Single, [3]), (Multiple, [3]));
        return courseId;
    }

    [Fact]
    public async Task Each_question_shows_its_correct_rate_and_most_chosen_wrong_option_worst_first()
    {
        var owner = await OwnerAsync();
        var courseId = await CourseWithAttemptsAsync("ANALYSE-ITEMS", owner);

        var rows = (await Service<ItemAnalysisService>().ListQuestionsAsync(owner, courseId, QuestionOrder.WorstFirst, page: 0, pageSize: 20)).ShouldNotBeNull();

        rows.Total.ShouldBe(2);
        var worst = rows.Items[0];
        (worst.Stem, worst.Answered, worst.Correct, worst.CorrectPercent).ShouldBe((Single, 4, 1, 25));
        worst.MostChosenWrong.ShouldBe(new WrongAnswer("墨镜", 2));
        worst.Type.ShouldBe(QuestionType.SingleChoice);
        var second = rows.Items[1];
        (second.Stem, second.Answered, second.Correct, second.CorrectPercent).ShouldBe((Multiple, 4, 3, 75));
        second.MostChosenWrong.ShouldBe(new WrongAnswer("绝缘鞋；焊工手套；拖鞋", 1));
    }

    [Fact]
    public async Task Questions_sort_best_first_and_page()
    {
        var owner = await OwnerAsync();
        var courseId = await CourseWithAttemptsAsync("ANALYSE-SORT", owner);
        var analysis = Service<ItemAnalysisService>();

        var best = await analysis.ListQuestionsAsync(owner, courseId, QuestionOrder.BestFirst, page: 0, pageSize: 1);
        var secondPage = await analysis.ListQuestionsAsync(owner, courseId, QuestionOrder.BestFirst, page: 1, pageSize: 1);

        best!.Total.ShouldBe(2);
        best.Items.ShouldHaveSingleItem().Stem.ShouldBe(Multiple);
        secondPage!.Items.ShouldHaveSingleItem().Stem.ShouldBe(Single);
    }

    [Fact]
    public async Task Each_learner_shows_best_score_attempts_and_pass_per_quiz_and_open_attempts_do_not_count()
    {
        var owner = await OwnerAsync();
        var courseId = await CourseWithAttemptsAsync("ANALYSE-LEARNERS", owner);

        var rows = (await Service<ItemAnalysisService>().ListLearnersAsync(owner, courseId, page: 0, pageSize: 20)).ShouldNotBeNull();

        rows.Total.ShouldBe(2);
        rows.Items.Select(r => r.DisplayName).ShouldBe(["李师傅", "王师傅"], ignoreOrder: true);
        rows.Items.Single(r => r.DisplayName == "王师傅").Quizzes.ShouldBe([new QuizResult("m-safety", 100, 2, true)]);
        rows.Items.Single(r => r.DisplayName == "李师傅").Quizzes.ShouldBe([new QuizResult("m-safety", 50, 2, false)]);
    }

    [Fact]
    public async Task Only_the_owner_and_federation_staff_may_read_the_results()
    {
        var owner = await OwnerAsync();
        var courseId = await CourseWithAttemptsAsync("ANALYSE-PRIVATE", owner);
        var stranger = new AuthoringActor(await UserAsync("analysis-stranger@example.cn", "别的讲师", Roles.Instructor), IsStaff: false);
        var staff = new AuthoringActor(await UserAsync(SkillsAcademyWebFactory.StaffAccount, "", Roles.FederationStaff), IsStaff: true);
        var analysis = Service<ItemAnalysisService>();

        (await analysis.GetCourseAsync(stranger, courseId)).ShouldBeNull();
        (await analysis.ListQuestionsAsync(stranger, courseId, QuestionOrder.WorstFirst, 0, 20)).ShouldBeNull();
        (await analysis.ListLearnersAsync(stranger, courseId, 0, 20)).ShouldBeNull();
        (await analysis.GetCourseAsync(staff, courseId)).ShouldNotBeNull().ModuleQuizzes.Select(q => q.Key).ShouldBe(["m-safety", "m-arc"]);
        (await analysis.ListQuestionsAsync(staff, courseId, QuestionOrder.WorstFirst, 0, 20))!.Total.ShouldBe(2);
        (await analysis.GetCourseAsync(owner, courseId + 10_000)).ShouldBeNull();
    }

    [Fact]
    public async Task The_results_page_refuses_learners_and_opens_for_the_owner_and_staff()
    {
        var owner = await OwnerAsync();
        var courseId = await CourseWithAttemptsAsync("ANALYSE-PAGE", owner);
        var path = $"/authoring/courses/{courseId}/results";

        using var learner = app.Factory.CreateBrowserlessClient();
        await learner.LogInAsync(SkillsAcademyWebFactory.LearnerAccount, SkillsAcademyWebFactory.DemoPassword);
        using var asLearner = await learner.GetAsync(path);
        using var instructor = app.Factory.CreateBrowserlessClient();
        await instructor.LogInAsync(SkillsAcademyWebFactory.InstructorAccount, SkillsAcademyWebFactory.DemoPassword);
        using var asOwner = await instructor.GetAsync(path);
        using var staff = app.Factory.CreateBrowserlessClient();
        await staff.LogInAsync(SkillsAcademyWebFactory.StaffAccount, SkillsAcademyWebFactory.DemoPassword);
        using var asStaff = await staff.GetAsync(path);

        asLearner.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        asLearner.Headers.Location!.OriginalString.ShouldContain("access-denied");
        asOwner.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await asOwner.Content.ReadAsStringAsync()).ShouldContain("question-results");
        asStaff.StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
