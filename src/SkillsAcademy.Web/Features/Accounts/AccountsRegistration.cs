using Hangfire;
using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authorization;
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
        // A disabled account or a removed role reaches every request cookie within a minute (AccountStateValidator)
        // and every open circuit within Security:RevalidationIntervalSeconds (ServerAuthenticationRevalidator).
        services.Configure<SecurityStampValidatorOptions>(o =>
        {
            o.ValidationInterval = TimeSpan.FromMinutes(1);
            // The check rebuilds the principal from the database; how the user signed in (amr = mfa) is kept.
            o.OnRefreshingPrincipal = context =>
            {
                var methods = context.CurrentPrincipal?.FindAll(TwoFactorService.AuthenticationMethodClaim).ToList() ?? [];
                if (context.NewPrincipal?.Identity is ClaimsIdentity identity)
                {
                    identity.AddClaims(methods.Where(m => !identity.HasClaim(m.Type, m.Value)).Select(m => new Claim(m.Type, m.Value)));
                }

                return Task.CompletedTask;
            };
        });
        services.AddScoped<AccountStateCheck>();

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
            // Replaces Identity's authenticator provider: the same code must not sign in twice.
            .AddTokenProvider<OneUseAuthenticatorTokenProvider>(TokenOptions.DefaultAuthenticatorProvider)
            .AddPasswordValidator<PasswordRules>()
            .AddClaimsPrincipalFactory<AccountClaimsFactory>()
            .AddErrorDescriber<LocalizedIdentityErrorDescriber>();
        services.AddScoped<ISecurityStampValidator, AccountStateValidator>();

        services.AddAuthorizationBuilder().AddSkillsAcademyPolicies();
        services.AddSingleton<IAuthorizationHandler, MfaRequirementHandler>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, MfaSetupRedirect>();
        services.AddScoped<TwoFactorService>();
        services.AddScoped<AccountService>();
        services.AddScoped<AccountDirectory>();
        services.AddScoped<AccountAdministrationService>();

        services.AddSingleton<ISeedData, AccountsSeed>();
        services.AddSingleton<ISeedData, PeopleSeed>();
        services.AddScoped<ProfileService>();
        return builder;
    }

    public static WebApplication MapAccounts(this WebApplication app)
    {
        app.MapPost(LogoutPath, async Task<IResult> ([FromServices] AccountService accounts, [FromServices] IAntiforgery antiforgery, HttpContext context) =>
        {
            // A page elsewhere cannot sign the user out: the form must carry this site's token.
            if (!await antiforgery.IsRequestValidAsync(context))
            {
                return TypedResults.BadRequest();
            }

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
        public bool Authorize(DashboardContext context)
        {
            var http = context.GetHttpContext();
            var security = http.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<SkillsAcademy.Web.Platform.Security.SecurityOptions>>().Value;
            return http.User.IsInRole(Roles.Admin)
                && (!TwoFactorService.IsRequiredFor(http.User, security) || TwoFactorService.SignedInWithSecondFactor(http.User));
        }
    }
}
