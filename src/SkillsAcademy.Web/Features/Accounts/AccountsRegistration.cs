using Hangfire;
using Hangfire.Dashboard;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using SkillsAcademy.Domain.People;
using SkillsAcademy.Infrastructure.Identity;
using SkillsAcademy.Infrastructure.Persistence;
using SkillsAcademy.Web.Platform;

namespace SkillsAcademy.Web.Features.Accounts;

public static class AccountsRegistration
{
    public const string LoginPath = "/account/login";
    public const string LogoutPath = "/account/logout";
    public const string AccessDeniedPath = "/account/access-denied";
    public const string JobsDashboardPath = "/jobs";

    public static WebApplicationBuilder AddAccounts(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, ServerAuthenticationRevalidator>();

        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.LoginPath = LoginPath;
            cookie.LogoutPath = LogoutPath;
            cookie.AccessDeniedPath = AccessDeniedPath;
            cookie.Cookie.Name = "SkillsAcademy.Auth";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.ExpireTimeSpan = TimeSpan.FromHours(12);
            cookie.SlidingExpiration = true;
        });
        // A disabled account or a removed role reaches every request cookie within a minute.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));

        services.AddIdentityCore<ApplicationUser>(options =>
            {
                options.Password.RequiredLength = PasswordRules.MinimumLength;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Lockout.AllowedForNewUsers = true;
                options.SignIn.RequireConfirmedAccount = false;
                options.User.RequireUniqueEmail = false;
            })
            .AddRoles<IdentityRole<Guid>>()
            .AddEntityFrameworkStores<SkillsAcademyDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders()
            .AddPasswordValidator<PasswordRules>()
            .AddClaimsPrincipalFactory<AccountClaimsFactory>()
            .AddErrorDescriber<LocalizedIdentityErrorDescriber>();

        services.AddAuthorizationBuilder().AddSkillsAcademyPolicies();
        services.AddScoped<AccountService>();
        services.AddScoped<AccountDirectory>();

        services.AddSingleton<ISeedData, AccountsSeed>();
        services.AddSingleton<ISeedData, PeopleSeed>();
        services.AddScoped<ProfileService>();
        return builder;
    }

    public static WebApplication MapAccounts(this WebApplication app)
    {
        app.MapPost(LogoutPath, async ([FromServices] AccountService accounts) =>
        {
            await accounts.SignOutAsync();
            return TypedResults.LocalRedirect("/");
        });

        // Anonymous visitors are sent to log in; signed-in users without the Admin role get 403 from the filter.
        app.MapHangfireDashboard(JobsDashboardPath, new DashboardOptions
            {
                Authorization = [new AdminOnlyDashboardFilter()],
                DisplayStorageConnectionString = false,
                DashboardTitle = "SkillsAcademy jobs",
            })
            .RequireAuthorization();
        return app;
    }

    private sealed class AdminOnlyDashboardFilter : IDashboardAuthorizationFilter
    {
        public bool Authorize(DashboardContext context) =>
            context.GetHttpContext().User.IsInRole(Roles.Admin);
    }
}
