namespace SkillsAcademy.Web.Features.Accounts;

/// <summary>What a learner enters on the real-name profile page.</summary>
public sealed class ProfileRequest
{
    public string RealName { get; set; } = "";

    /// <summary>The full number, asked for on every change: it is never shown back, only its masked form.</summary>
    public string IdNumber { get; set; } = "";

    public string EnterpriseName { get; set; } = "";

    public string RegionCode { get; set; } = "";

    public bool UnionMember { get; set; }
}
