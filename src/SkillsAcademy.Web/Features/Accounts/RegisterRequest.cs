namespace SkillsAcademy.Web.Features.Accounts;

/// <summary>Registration with a mobile number or an e-mail address as the account.</summary>
public sealed class RegisterRequest
{
    public string Account { get; set; } = "";

    public string DisplayName { get; set; } = "";

    public string Password { get; set; } = "";

    public string ConfirmPassword { get; set; } = "";
}
