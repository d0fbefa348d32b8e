using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SkillsAcademy.Domain.People;
using SkillsAcademy.Infrastructure.Identity;
using SkillsAcademy.Infrastructure.Persistence;
using SkillsAcademy.IntegrationTests.Features.Learning;
using SkillsAcademy.TestUtilities;
using SkillsAcademy.Web.Features.Accounts;

namespace SkillsAcademy.IntegrationTests.Features.Accounts;

/// <summary>
/// The administrators' account page: find by e-mail or mobile number (through the keyed hash, shown masked), disable
/// and enable, add and remove roles. Each change is audited and ends the account's sessions at their next check;
/// an administrator cannot lock themselves out and the last active administrator stays.
/// </summary>
public sealed class AccountAdministrationTests(ClockedAppFixture app) : IClassFixture<ClockedAppFixture>
{
    private const string Password = "Admin2026pass";

    private sealed record Account(ApplicationUser User, ClaimsPrincipal Principal);

    private async Task<Account> AccountAsync(params string[] roles)
    {
        using var scope = app.Factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var email = $"admin-test-{Guid.NewGuid():N}@example.com";
        var user = new ApplicationUser { UserName = email, Email = email, DisplayName = "账号管理测试", CreatedAt = app.Time.GetUtcNow() };
        (await users.CreateAsync(user, Password)).Succeeded.ShouldBeTrue();
        (await users.AddToRolesAsync(user, roles)).Succeeded.ShouldBeTrue();
        var principal = await scope.ServiceProvider.GetRequiredService<SignInManager<ApplicationUser>>().CreateUserPrincipalAsync(user);
        return new Account(user, principal);
    }

    private async Task<Account> DemoAdminAsync()
    {
        using var scope = app.Factory.Services.CreateScope();
        var user = (await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(SkillsAcademyWebFactory.AdminAccount))!;
        return new Account(user, await scope.ServiceProvider.GetRequiredService<SignInManager<ApplicationUser>>().CreateUserPrincipalAsync(user));
    }

    private async Task<bool> IsCurrentAsync(ClaimsPrincipal principal)
    {
        using var scope = app.Factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AccountStateCheck>().IsCurrentAsync(principal) is not null;
    }

    /// <summary>The log-in's password and lockout check (without the cookie), on a fresh scope.</summary>
    private async Task<SignInResult> PasswordCheckAsync(Guid userId)
    {
        using var scope = app.Factory.Services.CreateScope();
        var user = (await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByIdAsync(userId.ToString()))!;
        return await scope.ServiceProvider.GetRequiredService<SignInManager<ApplicationUser>>().CheckPasswordSignInAsync(user, Password, lockoutOnFailure: false);
    }

    private T Service<T>(IServiceScope scope) where T : notnull => scope.ServiceProvider.GetRequiredService<T>();

    private async Task<List<(Guid Actor, string Action, string? Detail)>> AuditOfAsync(Guid userId)
    {
        await using var db = await app.Factory.Services.GetRequiredService<IDbContextFactory<SkillsAcademyDbContext>>().CreateDbContextAsync();
        var subject = userId.ToString();
        return (await db.AuditEntries.Where(a => a.Subject == subject).OrderBy(a => a.Id).Select(a => new { a.ActorId, a.Action, a.Detail }).ToListAsync())
            .Select(a => (a.ActorId, a.Action, a.Detail)).ToList();
    }

    [Fact]
    public async Task An_account_is_found_by_mobile_number_through_its_hash_and_shown_masked_or_by_e_mail()
    {
        var admin = await DemoAdminAsync();
        using var scope = app.Factory.Services.CreateScope();
        var administration = Service<AccountAdministrationService>(scope);

        var byMobile = await administration.FindAsync(admin.Principal, " 138 0013 8000 ");
        var byEmail = await administration.FindAsync(admin.Principal, SkillsAcademyWebFactory.InstructorAccount.ToUpperInvariant());

        byMobile.ShouldHaveSingleItem().MaskedAccount.ShouldBe("138****8000");
        byMobile.Single().Roles.ShouldContain(Roles.Learner);
        byEmail.ShouldHaveSingleItem().Roles.ShouldContain(Roles.Instructor);
        (await administration.FindAsync(admin.Principal, "13900000000")).ShouldBeEmpty();
    }

    [Fact]
    public async Task Disabling_an_account_ends_its_sessions_and_enabling_it_lets_it_sign_in_again_each_audited()
    {
        var admin = await DemoAdminAsync();
        var learner = await AccountAsync(Roles.Learner);
        using var scope = app.Factory.Services.CreateScope();
        var administration = Service<AccountAdministrationService>(scope);

        (await administration.SetDisabledAsync(admin.Principal, learner.User.Id, disabled: true)).ShouldBe(AccountChangeOutcome.Done);

        (await IsCurrentAsync(learner.Principal)).ShouldBeFalse("an open session of a disabled account ends at its next check");
        var shown = (await administration.GetAsync(admin.Principal, learner.User.Id))!;
        shown.IsDisabled.ShouldBeTrue();
        (await PasswordCheckAsync(learner.User.Id)).IsLockedOut.ShouldBeTrue();

        (await administration.SetDisabledAsync(admin.Principal, learner.User.Id, disabled: false)).ShouldBe(AccountChangeOutcome.Done);

        (await administration.GetAsync(admin.Principal, learner.User.Id))!.IsDisabled.ShouldBeFalse();
        (await PasswordCheckAsync(learner.User.Id)).Succeeded.ShouldBeTrue();
        (await AuditOfAsync(learner.User.Id)).ShouldBe(
        [
            (admin.User.Id, AccountAdministrationService.DisabledAction, null),
            (admin.User.Id, AccountAdministrationService.EnabledAction, null),
        ]);
    }

    [Fact]
    public async Task Removing_a_role_ends_the_sessions_that_claim_it_and_adding_one_is_audited_too()
    {
        var admin = await DemoAdminAsync();
        var person = await AccountAsync(Roles.Learner, Roles.Instructor);
        using var scope = app.Factory.Services.CreateScope();
        var administration = Service<AccountAdministrationService>(scope);

        (await administration.SetRoleAsync(admin.Principal, person.User.Id, Roles.Instructor, member: false)).ShouldBe(AccountChangeOutcome.Done);
        (await IsCurrentAsync(person.Principal)).ShouldBeFalse();
        (await administration.SetRoleAsync(admin.Principal, person.User.Id, Roles.FederationStaff, member: true)).ShouldBe(AccountChangeOutcome.Done);
        (await administration.SetRoleAsync(admin.Principal, person.User.Id, "Root", member: true)).ShouldBe(AccountChangeOutcome.UnknownRole);

        (await administration.GetAsync(admin.Principal, person.User.Id))!.Summary.Roles.Order().ShouldBe([Roles.FederationStaff, Roles.Learner]);
        (await AuditOfAsync(person.User.Id)).ShouldBe(
        [
            (admin.User.Id, AccountAdministrationService.RoleRemovedAction, Roles.Instructor),
            (admin.User.Id, AccountAdministrationService.RoleAddedAction, Roles.FederationStaff),
        ]);
    }

    [Fact]
    public async Task An_administrator_cannot_disable_their_own_account_or_remove_their_own_admin_role()
    {
        var admin = await AccountAsync(Roles.Admin);
        using var scope = app.Factory.Services.CreateScope();
        var administration = Service<AccountAdministrationService>(scope);

        (await administration.SetDisabledAsync(admin.Principal, admin.User.Id, disabled: true)).ShouldBe(AccountChangeOutcome.OwnAccount);
        (await administration.SetRoleAsync(admin.Principal, admin.User.Id, Roles.Admin, member: false)).ShouldBe(AccountChangeOutcome.OwnAccount);

        (await IsCurrentAsync(admin.Principal)).ShouldBeTrue("nothing changed");
        (await administration.GetAsync(admin.Principal, admin.User.Id))!.IsOwn.ShouldBeTrue();
        (await AuditOfAsync(admin.User.Id)).ShouldBeEmpty();
    }

    [Fact]
    public async Task The_last_active_administrator_can_be_neither_disabled_nor_lose_the_role()
    {
        var first = await AccountAsync(Roles.Admin);
        var second = await AccountAsync(Roles.Admin);
        using var scope = app.Factory.Services.CreateScope();
        var administration = Service<AccountAdministrationService>(scope);
        // Every other active administrator (the demo one, those of other tests) is disabled for the test, then enabled.
        var others = (await Service<UserManager<ApplicationUser>>(scope).GetUsersInRoleAsync(Roles.Admin))
            .Where(u => u.Id != first.User.Id && u.Id != second.User.Id && !AccountAdministrationService.IsDisabled(u.LockoutEnd))
            .Select(u => u.Id).ToList();
        others.ShouldNotBeEmpty();
        foreach (var other in others)
        {
            (await administration.SetDisabledAsync(first.Principal, other, disabled: true)).ShouldBe(AccountChangeOutcome.Done);
        }

        (await administration.SetDisabledAsync(first.Principal, second.User.Id, disabled: true)).ShouldBe(AccountChangeOutcome.Done);
        try
        {
            // The second administrator's session has not noticed yet: it must still not leave the platform without one.
            (await administration.SetDisabledAsync(second.Principal, first.User.Id, disabled: true)).ShouldBe(AccountChangeOutcome.LastAdministrator);
            (await administration.SetRoleAsync(second.Principal, first.User.Id, Roles.Admin, member: false)).ShouldBe(AccountChangeOutcome.LastAdministrator);

            var remaining = (await administration.GetAsync(first.Principal, first.User.Id))!;
            remaining.IsDisabled.ShouldBeFalse();
            remaining.Summary.Roles.ShouldContain(Roles.Admin);
            (await AuditOfAsync(first.User.Id)).ShouldBeEmpty("a refused change leaves no trace but the refusal");
        }
        finally
        {
            foreach (var other in others)
            {
                (await administration.SetDisabledAsync(first.Principal, other, disabled: false)).ShouldBe(AccountChangeOutcome.Done);
            }
        }
    }

    [Fact]
    public async Task Someone_without_the_admin_role_finds_and_changes_nothing()
    {
        var staff = await AccountAsync(Roles.FederationStaff);
        var learner = await AccountAsync(Roles.Learner);
        using var scope = app.Factory.Services.CreateScope();
        var administration = Service<AccountAdministrationService>(scope);

        (await administration.FindAsync(staff.Principal, SkillsAcademyWebFactory.LearnerAccount)).ShouldBeEmpty();
        (await administration.GetAsync(staff.Principal, learner.User.Id)).ShouldBeNull();
        (await administration.SetDisabledAsync(staff.Principal, learner.User.Id, disabled: true)).ShouldBe(AccountChangeOutcome.NotAllowed);
        (await administration.SetRoleAsync(staff.Principal, learner.User.Id, Roles.Admin, member: true)).ShouldBe(AccountChangeOutcome.NotAllowed);

        (await IsCurrentAsync(learner.Principal)).ShouldBeTrue();
        (await AuditOfAsync(learner.User.Id)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Over_plain_requests_an_account_disabled_on_the_admin_page_is_signed_out_within_a_minute()
    {
        var admin = await DemoAdminAsync();
        var learner = await AccountAsync(Roles.Learner);
        using var client = app.Factory.CreateBrowserlessClient();
        using (var login = await client.LogInAsync(learner.User.Email!, Password))
        {
            login.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        using var scope = app.Factory.Services.CreateScope();
        (await Service<AccountAdministrationService>(scope).SetDisabledAsync(admin.Principal, learner.User.Id, disabled: true)).ShouldBe(AccountChangeOutcome.Done);
        app.Time.Advance(TimeSpan.FromSeconds(61));

        using var after = await client.GetAsync("/learning");
        after.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        after.Headers.Location!.OriginalString.ShouldContain("/account/login");
    }

    [Fact]
    public async Task The_account_page_answers_404_for_an_unknown_account_and_shows_only_the_masked_number()
    {
        using var client = app.Factory.CreateBrowserlessClient();
        using (var login = await client.LogInAsync(SkillsAcademyWebFactory.AdminAccount, SkillsAcademyWebFactory.DemoPassword))
        {
            login.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        using var scope = app.Factory.Services.CreateScope();
        var learner = (await Service<AccountAdministrationService>(scope).FindAsync((await DemoAdminAsync()).Principal, SkillsAcademyWebFactory.LearnerAccount)).Single();

        using var unknown = await client.GetAsync($"/admin/users/{Guid.NewGuid()}");
        var page = await client.GetStringAsync($"/admin/users/{learner.Id}");

        unknown.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        page.ShouldContain("138****8000");
        page.ShouldNotContain(SkillsAcademyWebFactory.LearnerAccount);
    }
}
