using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using SkillsAcademy.Domain.Catalog;
using SkillsAcademy.Domain.People;
using SkillsAcademy.Infrastructure.Identity;
using SkillsAcademy.TestUtilities;
using SkillsAcademy.Web.Features.Authoring;
using SkillsAcademy.Web.Features.Catalog;

namespace SkillsAcademy.IntegrationTests.Features.Authoring;

public sealed class AuthoringWorkflowTests(AppFixture app) : IClassFixture<AppFixture>
{
    private T Service<T>() where T : notnull => app.Factory.Services.CreateScope().ServiceProvider.GetRequiredService<T>();

    private async Task<AuthoringActor> InstructorAsync(string account)
    {
        using var scope = app.Factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await users.FindByNameAsync(account);
        if (user is null)
        {
            user = new ApplicationUser { UserName = account, Email = account, DisplayName = "另一位讲师", CreatedAt = DateTimeOffset.UtcNow };
            (await users.CreateAsync(user, "Other2026")).Succeeded.ShouldBeTrue();
            (await users.AddToRoleAsync(user, Roles.Instructor)).Succeeded.ShouldBeTrue();
        }

        return new AuthoringActor(user.Id, IsStaff: false);
    }

    private async Task<int> OccupationIdAsync(string code) =>
        (await Service<CatalogService>().ListOccupationsAsync()).Single(o => o.Code == code).Id;

    private async Task<int> CreateCourseWithContentAsync(AuthoringActor author, string title)
    {
        var authoring = Service<AuthoringService>();
        var created = await authoring.CreateCourseAsync(author, new CourseDraftRequest
        {
            Title = title,
            Summary = "手工电弧焊的站位、握钳与引弧练习。",
            OccupationId = await OccupationIdAsync("6-18-02-04"),
            Level = SkillLevel.Level5,
            VoucherEligible = true,
            InstructorName = "李建国",
            Honours = InstructorHonours.Craftsman | InstructorHonours.ModelWorker,
        });
        created.Errors.ShouldBeEmpty();
        var courseId = created.Id!.Value;
        var module = (await authoring.GetEditorAsync(author, courseId))!.Modules.Single();
        (await authoring.SaveLessonAsync(author, courseId, module.Id, new LessonDraft
        {
            Title = "引弧的两种方法", Kind = LessonKind.Article, Markdown = "## 划擦法\n\n像划火柴一样……", NominalMinutes = 20, RequiredMinutes = 15,
        })).Errors.ShouldBeEmpty();
        (await authoring.SaveQuestionAsync(author, courseId, new QuestionDraft
        {
            Type = QuestionType.TrueFalse, Tag = module.Tag, Stem = "引弧时焊条应垂直猛击工件。", Explanation = "应轻擦或轻击后迅速提起。", StatementIsTrue = false,
        })).Errors.ShouldBeEmpty();
        return courseId;
    }

    [Fact]
    public async Task An_instructor_writes_a_course_staff_publish_it_and_the_catalog_lists_it()
    {
        var author = await InstructorAsync(SkillsAcademyWebFactory.InstructorAccount);
        var courseId = await CreateCourseWithContentAsync(author, "引弧训练营");
        (await Service<CatalogService>().SearchAsync(new CourseSearch("引弧训练营"))).Total.ShouldBe(0);

        (await Service<AuthoringService>().SubmitAsync(author, courseId)).Errors.ShouldBeEmpty();
        var submitted = (await Service<CourseReviewService>().ListSubmittedAsync()).Single(s => s.Title == "引弧训练营");
        (await Service<CourseReviewService>().PublishAsync(submitted.VersionId)).Errors.ShouldBeEmpty();

        var found = await Service<CatalogService>().SearchAsync(new CourseSearch("引弧"));
        found.Items.ShouldContain(c => c.Title == "引弧训练营");
        var editor = (await Service<AuthoringService>().GetEditorAsync(author, courseId))!;
        editor.Status.ShouldBe(CourseVersionStatus.Published);
        editor.Questions.Single().Options.Select(o => o.IsCorrect).ShouldBe([false, true]);
    }

    [Fact]
    public async Task Another_instructor_can_neither_see_nor_change_the_course()
    {
        var author = await InstructorAsync(SkillsAcademyWebFactory.InstructorAccount);
        var stranger = await InstructorAsync("other.instructor@example.com");
        var courseId = await CreateCourseWithContentAsync(author, "他人的课程");
        var authoring = Service<AuthoringService>();
        var moduleId = (await authoring.GetEditorAsync(author, courseId))!.Modules.Single().Id;

        (await authoring.GetEditorAsync(stranger, courseId)).ShouldBeNull();
        (await authoring.ListMyCoursesAsync(stranger)).ShouldNotContain(c => c.Id == courseId);
        (await authoring.AddModuleAsync(stranger, courseId, "偷偷加的章")).Succeeded.ShouldBeFalse();
        (await authoring.SaveLessonAsync(stranger, courseId, moduleId, new LessonDraft { Title = "篡改", Markdown = "x" })).Succeeded.ShouldBeFalse();
        (await authoring.SubmitAsync(stranger, courseId)).Succeeded.ShouldBeFalse();

        var editor = (await authoring.GetEditorAsync(author, courseId))!;
        editor.Modules.ShouldHaveSingleItem().Lessons.ShouldHaveSingleItem().Title.ShouldBe("引弧的两种方法");
        editor.Status.ShouldBe(CourseVersionStatus.Draft);
    }

    [Fact]
    public async Task A_submitted_version_is_frozen_until_it_is_returned_with_a_comment()
    {
        var author = await InstructorAsync(SkillsAcademyWebFactory.InstructorAccount);
        var courseId = await CreateCourseWithContentAsync(author, "待审核课程");
        var authoring = Service<AuthoringService>();
        (await authoring.SubmitAsync(author, courseId)).Errors.ShouldBeEmpty();

        (await authoring.AddModuleAsync(author, courseId, "提交后再加")).Succeeded.ShouldBeFalse();
        var versionId = (await Service<CourseReviewService>().ListSubmittedAsync()).Single(s => s.Title == "待审核课程").VersionId;
        (await Service<CourseReviewService>().ReturnAsync(versionId, " ")).Succeeded.ShouldBeFalse();
        (await Service<CourseReviewService>().ReturnAsync(versionId, "请补充焊机接地的安全要求。")).Errors.ShouldBeEmpty();

        var editor = (await authoring.GetEditorAsync(author, courseId))!;
        editor.Status.ShouldBe(CourseVersionStatus.Returned);
        editor.ReviewComment.ShouldBe("请补充焊机接地的安全要求。");
        (await authoring.AddModuleAsync(author, courseId, "焊机接地")).Errors.ShouldBeEmpty();
    }

    [Fact]
    public async Task Editing_a_published_course_works_on_a_new_version_and_the_catalog_keeps_the_old_one_until_it_is_published()
    {
        var author = await InstructorAsync(SkillsAcademyWebFactory.InstructorAccount);
        var courseId = await CreateCourseWithContentAsync(author, "版本一");
        var authoring = Service<AuthoringService>();
        var review = Service<CourseReviewService>();
        await authoring.SubmitAsync(author, courseId);
        await review.PublishAsync((await review.ListSubmittedAsync()).Single(s => s.Title == "版本一").VersionId);
        (await authoring.AddModuleAsync(author, courseId, "已发布也不能直接改")).Succeeded.ShouldBeFalse();

        (await authoring.StartNewVersionAsync(author, courseId)).Errors.ShouldBeEmpty();
        (await authoring.DescribeAsync(author, courseId, "版本二", "新增了安全内容。")).Errors.ShouldBeEmpty();
        (await authoring.ClassifyAsync(author, courseId, await OccupationIdAsync("6-18-02-04"), SkillLevel.Level4, voucherEligible: false, voucherRequired: false)).Errors.ShouldBeEmpty();
        (await Service<CatalogService>().SearchAsync(new CourseSearch("版本一"))).Items.Single().Level.ShouldBe(SkillLevel.Level5);
        var draft = (await authoring.GetEditorAsync(author, courseId))!;
        draft.VersionNumber.ShouldBe(2);
        (await Service<CatalogService>().SearchAsync(new CourseSearch("版本"))).Items.Select(i => i.Title).ShouldContain("版本一");

        await authoring.SubmitAsync(author, courseId);
        (await review.PublishAsync((await review.ListSubmittedAsync()).Single(s => s.Title == "版本二").VersionId)).Errors.ShouldBeEmpty();

        var titles = (await Service<CatalogService>().SearchAsync(new CourseSearch("版本"))).Items.Select(i => i.Title).ToList();
        titles.ShouldContain("版本二");
        titles.ShouldNotContain("版本一");
        var listed = (await Service<CatalogService>().SearchAsync(new CourseSearch("版本二"))).Items.Single();
        listed.Level.ShouldBe(SkillLevel.Level4);
        listed.VoucherEligible.ShouldBeFalse();
    }

    [Fact]
    public async Task Staff_withdraw_a_course_from_the_catalog_and_its_version_is_archived_not_deleted()
    {
        var author = await InstructorAsync(SkillsAcademyWebFactory.InstructorAccount);
        var courseId = await CreateCourseWithContentAsync(author, "即将下架的课程");
        var review = Service<CourseReviewService>();
        await Service<AuthoringService>().SubmitAsync(author, courseId);
        await review.PublishAsync((await review.ListSubmittedAsync()).Single(s => s.Title == "即将下架的课程").VersionId);
        var code = (await Service<AuthoringService>().GetEditorAsync(author, courseId))!.Code;

        (await review.ArchiveAsync(code)).Errors.ShouldBeEmpty();

        (await Service<CatalogService>().SearchAsync(new CourseSearch("即将下架"))).Total.ShouldBe(0);
        (await Service<CatalogService>().GetCourseAsync(code)).ShouldBeNull();
        (await Service<AuthoringService>().GetEditorAsync(author, courseId))!.Status.ShouldBe(CourseVersionStatus.Archived);
        (await review.ArchiveAsync(code)).Succeeded.ShouldBeFalse();
    }

    [Fact]
    public async Task Two_reviewers_publishing_at_once_publish_once()
    {
        var author = await InstructorAsync(SkillsAcademyWebFactory.InstructorAccount);
        var courseId = await CreateCourseWithContentAsync(author, "并发发布");
        await Service<AuthoringService>().SubmitAsync(author, courseId);
        var versionId = (await Service<CourseReviewService>().ListSubmittedAsync()).Single(s => s.Title == "并发发布").VersionId;

        var results = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => Task.Run(() => Service<CourseReviewService>().PublishAsync(versionId))));

        results.Count(r => r.Succeeded).ShouldBe(1);
    }

    [Fact]
    public async Task A_lesson_requiring_more_minutes_than_it_lasts_is_refused_beside_the_field()
    {
        var author = await InstructorAsync(SkillsAcademyWebFactory.InstructorAccount);
        var courseId = await CreateCourseWithContentAsync(author, "学时校验");
        var authoring = Service<AuthoringService>();
        var moduleId = (await authoring.GetEditorAsync(author, courseId))!.Modules.Single().Id;

        var result = await LocalizerCulture.InChineseAsync(() => authoring.SaveLessonAsync(author, courseId, moduleId, new LessonDraft
        {
            Title = "超时", Markdown = "内容", NominalMinutes = 10, RequiredMinutes = 12,
        }));

        result.Errors[nameof(LessonDraft.RequiredMinutes)].ShouldHaveSingleItem().ShouldContain("10");
        (await authoring.GetEditorAsync(author, courseId))!.Modules.Single().Lessons.Count.ShouldBe(1);
    }
}
