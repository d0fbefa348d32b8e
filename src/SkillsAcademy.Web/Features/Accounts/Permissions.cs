namespace SkillsAcademy.Web.Features.Accounts;

/// <summary>
/// Fine-grained rights given to individual staff members as user claims (AspNetUserClaims), on top of their role:
/// the role says what kind of work a person does, a permission says they may also do one sensitive thing.
/// </summary>
public static class Permissions
{
    public const string ClaimType = "permission";

    /// <summary>See a learner's full resident ID number (every reveal is audited).</summary>
    public const string RevealPersonalData = "personal-data.reveal";
}
