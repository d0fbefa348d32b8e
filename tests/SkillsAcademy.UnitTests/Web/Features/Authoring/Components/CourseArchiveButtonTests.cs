using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using MudBlazor.Services;
using SkillsAcademy.Infrastructure.Persistence;
using SkillsAcademy.TestUtilities;
using SkillsAcademy.Web.Features.Authoring;
using SkillsAcademy.Web.Features.Authoring.Components;
using SkillsAcademy.Web.Features.Catalog;
using SkillsAcademy.Web.Platform;

namespace SkillsAcademy.UnitTests.Web.Features.Authoring.Components;

/// <summary>The staff-only archive button, the one interactive island on the (static) course page.</summary>
public sealed class CourseArchiveButtonTests : BunitContext
{
    private readonly TestDataDirectory _data = new();

    public CourseArchiveButtonTests()
    {
        var settings = new DatabaseSettings(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(_data.Path, "app.db")}", _data.Path, true);
        var options = new DbContextOptionsBuilder<SkillsAcademyDbContext>();
        options.UseSkillsAcademyDatabase(DatabaseProvider.Sqlite, settings.ConnectionString);
        var contexts = new PooledDbContextFactory<SkillsAcademyDbContext>(options.Options);
        using (var db = contexts.CreateDbContext())
        {
            db.Database.EnsureCreated();
        }

        Services.AddLocalization();
        Services.AddMudServices();
        Services.AddSingleton(new CourseReviewService(
            contexts, new CatalogCache(Substitute.For<IOutputCacheStore>()), TimeProvider.System, LocalizerFactory.Shared(), NullLogger<CourseReviewService>.Instance));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        _data.Dispose();
    }

    [Fact]
    public void Declining_the_confirmation_changes_nothing()
    {
        var confirm = JSInterop.Setup<bool>("confirm", _ => true).SetResult(false);
        var cut = Render<CourseArchiveButton>(p => p.Add(b => b.Code, "NO-SUCH").Add(b => b.Title, "焊工（初级）"));

        cut.Find("#archive-course").Click();

        confirm.Invocations.ShouldHaveSingleItem().Arguments.ShouldBe(["确定把《焊工（初级）》从课程目录撤下吗？学员的学习记录不受影响。"]);
        cut.FindAll("#archive-error").ShouldBeEmpty();
        Services.GetRequiredService<NavigationManager>().Uri.ShouldNotEndWith("/catalog");
    }

    [Fact]
    public void A_course_that_cannot_be_archived_shows_why_and_stays_on_the_page()
    {
        JSInterop.Setup<bool>("confirm", _ => true).SetResult(true);
        var cut = Render<CourseArchiveButton>(p => p.Add(b => b.Code, "NO-SUCH").Add(b => b.Title, "焊工（初级）"));

        cut.Find("#archive-course").Click();

        cut.WaitForAssertion(() => cut.Find("#archive-error").TextContent.ShouldContain("没有找到该课程"));
        Services.GetRequiredService<NavigationManager>().Uri.ShouldNotEndWith("/catalog");
    }
}
