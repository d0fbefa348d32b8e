using SkillsAcademy.Web.Features.Accounts;

namespace SkillsAcademy.UnitTests.Web.Features.Accounts;

public sealed class RegisterRequestValidatorTests
{
    private readonly RegisterRequestValidator _validator = new(LocalizerFactory.Shared());

    private static RegisterRequest Valid() => new()
    {
        Account = "13800138000",
        DisplayName = "张师傅",
        Password = "Weld2026",
        ConfirmPassword = "Weld2026",
    };

    [Theory]
    [InlineData("13800138000")]
    [InlineData("worker@example.com")]
    public void A_mobile_number_or_an_email_with_a_fair_password_is_valid(string account)
    {
        var request = Valid();
        request.Account = account;

        _validator.Validate(request).IsValid.ShouldBeTrue();
    }

    [Fact]
    public void A_malformed_mobile_number_is_named_in_chinese_by_default()
    {
        var request = Valid();
        request.Account = "1380013800";

        var errors = LocalizerFactory.InCulture("zh-CN", () => _validator.Validate(request).Errors);

        var error = errors.ShouldHaveSingleItem();
        error.PropertyName.ShouldBe(nameof(RegisterRequest.Account));
        error.ErrorMessage.ShouldBe("手机号格式不正确：应为 1 开头的 11 位数字。");
    }

    [Fact]
    public void A_malformed_mobile_number_is_named_in_english_when_english_is_chosen()
    {
        var request = Valid();
        request.Account = "1380013800";

        var errors = LocalizerFactory.InCulture("en", () => _validator.Validate(request).Errors);

        errors.ShouldHaveSingleItem().ErrorMessage.ShouldBe("The mobile number is not valid: it must be 11 digits starting with 1.");
    }

    [Theory]
    [InlineData("short1")]
    [InlineData("onlyletters")]
    [InlineData("12345678")]
    public void A_weak_password_is_refused_beside_the_password_field(string password)
    {
        var request = Valid();
        request.Password = password;
        request.ConfirmPassword = password;

        var errors = LocalizerFactory.InCulture("zh-CN", () => _validator.Validate(request).Errors);

        var error = errors.ShouldHaveSingleItem();
        error.PropertyName.ShouldBe(nameof(RegisterRequest.Password));
        error.ErrorMessage.ShouldContain("密码太弱");
    }

    [Fact]
    public void Different_confirmation_is_refused()
    {
        var request = Valid();
        request.ConfirmPassword = "Other2026";

        _validator.Validate(request).Errors.ShouldHaveSingleItem().PropertyName.ShouldBe(nameof(RegisterRequest.ConfirmPassword));
    }

    [Fact]
    public void Text_that_is_neither_a_mobile_number_nor_an_email_is_refused()
    {
        var request = Valid();
        request.Account = "zhangsan";

        _validator.Validate(request).Errors.ShouldHaveSingleItem().PropertyName.ShouldBe(nameof(RegisterRequest.Account));
    }
}
