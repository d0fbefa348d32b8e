using Microsoft.AspNetCore.Authorization;
using SkillsAcademy.Domain.People;

namespace SkillsAcademy.Web.Features.Accounts;

/// <summary>One authorization policy per feature area; pages and endpoints name the policy, not roles.</summary>
public static class Policies
{
    public const string Learning = nameof(Learning);
    public const string Authoring = nameof(Authoring);
    public const string Federation = nameof(Federation);
    public const string Administration = nameof(Administration);
    public const string CourseImport = nameof(CourseImport);

    /// <summary>Staff with the reveal permission (a user claim), signed in with a second factor where required.</summary>
    public const string RevealPersonalData = nameof(RevealPersonalData);

    /// <summary>The roles each policy admits; the navigation reads the same table.</summary>
    public static IReadOnlyDictionary<string, string[]> RolesByPolicy { get; } = new Dictionary<string, string[]>
    {
        [Learning] = [Roles.Learner],
        [Authoring] = [Roles.Instructor],
        [Federation] = [Roles.FederationStaff, Roles.Admin],
        [Administration] = [Roles.Admin],
        [CourseImport] = [Roles.Instructor, Roles.FederationStaff, Roles.Admin],
    };

    public static AuthorizationBuilder AddSkillsAcademyPolicies(this AuthorizationBuilder builder)
    {
        foreach (var (policy, roles) in RolesByPolicy)
        {
            // Every policy carries the second-factor rule; it only bites for staff and administrators.
            builder.AddPolicy(policy, p => p.RequireRole(roles).AddRequirements(new MfaRequirement()));
        }

        builder.AddPolicy(RevealPersonalData, p => p
            .RequireRole(RolesByPolicy[Federation])
            .RequireClaim(Permissions.ClaimType, Permissions.RevealPersonalData)
            .AddRequirements(new MfaRequirement()));

        return builder;
    }
}
