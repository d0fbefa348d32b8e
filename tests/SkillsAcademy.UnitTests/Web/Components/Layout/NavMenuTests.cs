using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using SkillsAcademy.Domain.People;
using SkillsAcademy.Web.Components.Layout;

namespace SkillsAcademy.UnitTests.Web.Components.Layout;

public sealed class NavMenuTests : BunitContext
{
    public NavMenuTests()
    {
        Services.AddLocalization();
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    public static TheoryData<string?, string[]> EntriesPerRole => new()
    {
        { null, ["/", "/catalog"] },
        { Roles.Learner, ["/", "/catalog", "/learning", "/learning-record", "/certificates", "/vouchers", "/profile"] },
        { Roles.Instructor, ["/", "/catalog", "/authoring"] },
        { Roles.FederationStaff, ["/", "/catalog", "/federation", "/federation/statistics", "/federation/review", "/federation/records", "/federation/certificates", "/federation/vouchers"] },
        { Roles.Admin, ["/", "/catalog", "/federation", "/federation/statistics", "/federation/review", "/federation/records", "/federation/certificates", "/federation/vouchers", "/admin/users", "/jobs"] },
    };

    [Theory]
    [MemberData(nameof(EntriesPerRole))]
    public void The_navigation_shows_the_entries_of_the_users_role(string? role, string[] expected)
    {
        var authorization = AddAuthorization();
        if (role is not null)
        {
            authorization.SetAuthorized("someone");
            authorization.SetRoles(role);
        }

        var cut = Render<NavMenu>();

        cut.FindAll("nav a").Select(a => a.GetAttribute("href")).ShouldBe(expected);
    }

    [Fact]
    public void Entries_are_labelled_in_chinese_by_default()
    {
        AddAuthorization();

        var cut = LocalizerFactory.InCulture("zh-CN", () => Render<NavMenu>());

        cut.FindAll("nav a").Select(a => a.TextContent.Trim()).ShouldBe(["首页", "课程目录"]);
    }
}
