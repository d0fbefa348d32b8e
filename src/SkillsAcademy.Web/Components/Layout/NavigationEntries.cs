using System.Security.Claims;
using Microsoft.AspNetCore.Components.Routing;
using MudBlazor;
using SkillsAcademy.Web.Features.Accounts;

namespace SkillsAcademy.Web.Components.Layout;

/// <summary>One entry of the side navigation; <see cref="Policy"/> null means everyone sees it.</summary>
public sealed record NavigationEntry(string Href, string TextKey, string Icon, string? Policy = null, bool ForceLoad = false)
{
    public NavLinkMatch Match => Href == "/" ? NavLinkMatch.All : NavLinkMatch.Prefix;
}

public static class NavigationEntries
{
    public static IReadOnlyList<NavigationEntry> All { get; } =
    [
        new("/", "Nav.Home", Icons.Material.Filled.Home),
        new("/catalog", "Nav.Catalog", Icons.Material.Filled.MenuBook),
        new("/learning", "Nav.MyLearning", Icons.Material.Filled.School, Policies.Learning),
        new("/learning-record", "Nav.MyRecord", Icons.Material.Filled.History, Policies.Learning),
        new("/certificates", "Nav.MyCertificates", Icons.Material.Filled.WorkspacePremium, Policies.Learning),
        new("/vouchers", "Nav.MyVouchers", Icons.Material.Filled.ConfirmationNumber, Policies.Learning),
        new("/profile", "Nav.Profile", Icons.Material.Filled.Badge, Policies.Learning),
        new("/authoring", "Nav.Authoring", Icons.Material.Filled.EditNote, Policies.Authoring),
        new("/federation", "Nav.Federation", Icons.Material.Filled.Insights, Policies.Federation),
        new("/federation/statistics", "Nav.Statistics", Icons.Material.Filled.BarChart, Policies.Federation),
        new("/federation/review", "Nav.Review", Icons.Material.Filled.FactCheck, Policies.Federation),
        new("/federation/records", "Nav.Records", Icons.Material.Filled.ManageSearch, Policies.Federation),
        new("/federation/certificates", "Nav.Certificates", Icons.Material.Filled.WorkspacePremium, Policies.Federation),
        new("/federation/vouchers", "Nav.Vouchers", Icons.Material.Filled.ConfirmationNumber, Policies.Federation),
        new("/admin/users", "Nav.Users", Icons.Material.Filled.ManageAccounts, Policies.Administration),
        // The jobs dashboard is Hangfire's own page, outside the Blazor router.
        new("/jobs", "Nav.Jobs", Icons.Material.Filled.Schedule, Policies.Administration, ForceLoad: true),
    ];

    public static IEnumerable<NavigationEntry> VisibleTo(ClaimsPrincipal user) =>
        All.Where(entry => entry.Policy is null || Policies.RolesByPolicy[entry.Policy].Any(user.IsInRole));
}
