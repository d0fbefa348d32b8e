using System.Net;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using SkillsAcademy.Domain.People;
using SkillsAcademy.Infrastructure.Identity;
using SkillsAcademy.IntegrationTests.Features.Learning;
using SkillsAcademy.TestUtilities;
using SkillsAcademy.Web.Features.Accounts;

namespace SkillsAcademy.IntegrationTests.Features.Accounts;

/// <summary>
/// A disabled account, a removed role or a changed security stamp ends a signed-in session within a minute:
/// open circuits re-check every Security:RevalidationIntervalSeconds (≤ 60 s) and plain requests every minute.
/// </summary>
public sealed class AccountStateTests(ClockedAppFixture app) : IClassFixture<ClockedAppFixture>
{
    private const string Password = "State2026pass";

    private async Task<(ApplicationUser User, UserManager<ApplicationUser> Users, SignInManager<ApplicationUser> SignIn, AccountStateCheck Check, IServiceScope Scope)> UserAsync(params string[] roles)
    {
        var scope = app.Factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var email = $"state-{Guid.NewGuid():N}@example.com";
        var user = new ApplicationUser { UserName = email, Email = email, DisplayName = "学员", CreatedAt = app.Time.GetUtcNow() };
        (await users.CreateAsync(user, Password)).Succeeded.ShouldBeTrue();
        (await users.AddToRolesAsync(user, roles)).Succeeded.ShouldBeTrue();
        return (user, users, scope.ServiceProvider.GetRequiredService<SignInManager<ApplicationUser>>(), scope.ServiceProvider.GetRequiredService<AccountStateCheck>(), scope);
    }

    [Fact]
    public async Task A_principal_is_current_until_a_role_is_removed_even_without_a_new_security_stamp()
    {
        var (user, users, signIn, check, scope) = await UserAsync(Roles.Learner, Roles.Instructor);
        using var _ = scope;
        var principal = await signIn.CreateUserPrincipalAsync(user);
        (await check.IsCurrentAsync(principal)).ShouldNotBeNull();

        (await users.RemoveFromRoleAsync(user, Roles.Instructor)).Succeeded.ShouldBeTrue();

        (await check.IsCurrentAsync(principal)).ShouldBeNull();
        (await check.IsCurrentAsync(await signIn.CreateUserPrincipalAsync(user))).ShouldNotBeNull("a fresh sign-in has the current roles");
    }

    [Fact]
    public async Task A_disabled_that_is_locked_out_account_is_no_longer_current_and_is_again_once_unlocked()
    {
        var (user, users, signIn, check, scope) = await UserAsync(Roles.Learner);
        using var _ = scope;
        var principal = await signIn.CreateUserPrincipalAsync(user);

        (await users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue)).Succeeded.ShouldBeTrue();
        (await check.IsCurrentAsync(principal)).ShouldBeNull();

        (await users.SetLockoutEndDateAsync(user, null)).Succeeded.ShouldBeTrue();
        (await check.IsCurrentAsync(principal)).ShouldNotBeNull();
    }

    [Fact]
    public async Task A_new_security_stamp_or_a_deleted_account_ends_the_principal()
    {
        var (user, users, signIn, check, scope) = await UserAsync(Roles.Learner);
        using var _ = scope;
        var principal = await signIn.CreateUserPrincipalAsync(user);

        (await users.UpdateSecurityStampAsync(user)).Succeeded.ShouldBeTrue();
        (await check.IsCurrentAsync(principal)).ShouldBeNull();

        var fresh = await signIn.CreateUserPrincipalAsync(user);
        (await users.DeleteAsync(user)).Succeeded.ShouldBeTrue();
        (await check.IsCurrentAsync(fresh)).ShouldBeNull();
    }

    [Fact]
    public async Task Open_circuits_recheck_at_most_every_minute_with_the_same_rules()
    {
        using var scope = app.Factory.Services.CreateScope();
        var revalidator = scope.ServiceProvider.GetRequiredService<AuthenticationStateProvider>().ShouldBeOfType<ServerAuthenticationRevalidator>();

        revalidator.Interval.ShouldBeLessThanOrEqualTo(TimeSpan.FromSeconds(60));
        revalidator.Interval.ShouldBeGreaterThan(TimeSpan.Zero);
    }

    [Fact]
    public async Task Over_plain_requests_a_removed_role_signs_the_user_out_within_a_minute()
    {
        var (user, users, _, _, scope) = await UserAsync(Roles.Learner);
        using var _1 = scope;
        using var client = app.Factory.CreateBrowserlessClient();
        using (var login = await client.LogInAsync(user.Email!, Password))
        {
            login.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        using (var before = await client.GetAsync("/learning"))
        {
            before.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        (await users.RemoveFromRoleAsync(user, Roles.Learner)).Succeeded.ShouldBeTrue();
        app.Time.Advance(TimeSpan.FromSeconds(61));

        using var after = await client.GetAsync("/learning");
        after.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        after.Headers.Location!.OriginalString.ShouldContain("/account/login");
    }

    [Fact]
    public async Task Over_plain_requests_a_locked_out_account_is_signed_out_within_a_minute()
    {
        var (user, users, _, _, scope) = await UserAsync(Roles.Learner);
        using var _1 = scope;
        using var client = app.Factory.CreateBrowserlessClient();
        using (var login = await client.LogInAsync(user.Email!, Password))
        {
            login.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        (await users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue)).Succeeded.ShouldBeTrue();
        app.Time.Advance(TimeSpan.FromSeconds(61));

        using var after = await client.GetAsync("/learning");
        after.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        after.Headers.Location!.OriginalString.ShouldContain("/account/login");
    }
}

/// <summary>An interval above a minute would let a disabled account go on in open circuits for too long.</summary>
public sealed class RevalidationIntervalConfigurationTests : IDisposable
{
    private readonly TestDataDirectory _data = new();

    [Fact]
    public void A_revalidation_interval_over_60_seconds_stops_start_up_naming_the_setting()
    {
        using var factory = new SkillsAcademyWebFactory(_data.Path, new Dictionary<string, string?> { ["Security:RevalidationIntervalSeconds"] = "61" });

        var exception = Should.Throw<Exception>(() => factory.Server);

        exception.ToString().ShouldContain("Security:RevalidationIntervalSeconds must be between 1 and 60; it is 61.");
    }

    public void Dispose() => _data.Dispose();
}
