using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using SkillsAcademy.Domain.People;
using SkillsAcademy.Infrastructure.Identity;
using SkillsAcademy.Web.Platform;

namespace SkillsAcademy.Web.Features.Accounts;

/// <summary>The four roles always; one demo account per role when DemoData:Enabled (Development).</summary>
internal sealed partial class AccountsSeed(
    IServiceScopeFactory scopeFactory,
    IOptions<DemoDataOptions> demoData,
    IHostEnvironment environment,
    ILogger<AccountsSeed> logger) : ISeedData
{
    public static IReadOnlyList<DemoAccount> DemoAccounts { get; } =
    [
        new("13800138000", "张伟（演示学员）", Roles.Learner),
        new("instructor@demo.skillsacademy.cn", "李建国（演示讲师）", Roles.Instructor),
        new("staff@demo.skillsacademy.cn", "王芳（演示工会工作人员）", Roles.FederationStaff),
        new("admin@demo.skillsacademy.cn", "系统管理员（演示）", Roles.Admin),
    ];

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        var roleManager = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole<Guid>>>();
        foreach (var role in Roles.All)
        {
            if (!await roleManager.RoleExistsAsync(role))
            {
                Check(await roleManager.CreateAsync(new IdentityRole<Guid>(role)), role);
            }
        }

        if (!demoData.Value.Enabled)
        {
            return;
        }

        var userManager = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var accounts = scope.ServiceProvider.GetRequiredService<AccountService>();
        foreach (var demo in DemoAccounts)
        {
            var user = await userManager.FindByNameAsync(accounts.UserNameFor(demo.Account)!);
            if (user is null)
            {
                user = accounts.NewUser(demo.Account, demo.DisplayName);
                Check(await userManager.CreateAsync(user, demoData.Value.Password), demo.Role);
            }

            if (!await userManager.IsInRoleAsync(user, demo.Role))
            {
                Check(await userManager.AddToRoleAsync(user, demo.Role), demo.Role);
            }

            // The demo staff member may reveal full ID numbers, so that the audited reveal can be tried out.
            if (demo.Role == Roles.FederationStaff
                && !(await userManager.GetClaimsAsync(user)).Any(c => c.Type == Permissions.ClaimType && c.Value == Permissions.RevealPersonalData))
            {
                Check(await userManager.AddClaimAsync(user, new System.Security.Claims.Claim(Permissions.ClaimType, Permissions.RevealPersonalData)), demo.Role);
            }
        }

        // Demo credentials are a convenience for a developer's machine and never shown elsewhere.
        if (environment.IsDevelopment())
        {
            foreach (var demo in DemoAccounts)
            {
                LogDemoAccount(demo.Role, demo.Account, demoData.Value.Password);
            }
        }
    }

    private static void Check(IdentityResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(
                $"Seeding {what} failed: {string.Join("; ", result.Errors.Select(e => e.Code))}. Check DemoData:Password against the password rules.");
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo account ({Role}): {Account} / {Password}")]
    private partial void LogDemoAccount(string role, string account, string password);

    public sealed record DemoAccount(string Account, string DisplayName, string Role);
}
