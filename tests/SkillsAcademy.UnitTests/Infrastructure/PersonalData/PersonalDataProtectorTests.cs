using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using SkillsAcademy.Infrastructure.PersonalData;

namespace SkillsAcademy.UnitTests.Infrastructure.PersonalData;

public sealed class PersonalDataProtectorTests
{
    private static readonly string Key = Convert.ToBase64String(new byte[32]);

    private static PersonalDataProtector Protector(string key) =>
        new(new EphemeralDataProtectionProvider(), Options.Create(new PersonalDataOptions { LookupKey = key }));

    [Fact]
    public void Protected_text_does_not_contain_the_plain_value_and_round_trips()
    {
        var protector = Protector(Key);

        var cipher = protector.Protect("13800138000");

        cipher.ShouldNotContain("13800138000");
        protector.Unprotect(cipher).ShouldBe("13800138000");
    }

    [Fact]
    public void The_lookup_hash_is_stable_per_key_and_differs_between_keys_and_kinds()
    {
        var first = Protector(Key).LookupHash(PersonalDataKind.MobileNumber, "13800138000");

        Protector(Key).LookupHash(PersonalDataKind.MobileNumber, "13800138000").ShouldBe(first);
        Protector(Key).LookupHash(PersonalDataKind.ResidentIdNumber, "13800138000").ShouldNotBe(first);
        Protector(Convert.ToBase64String(Enumerable.Repeat((byte)7, 32).ToArray()))
            .LookupHash(PersonalDataKind.MobileNumber, "13800138000").ShouldNotBe(first);
        first.Length.ShouldBe(64);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not base64!")]
    [InlineData("c2hvcnQ=")]
    public void A_missing_or_short_lookup_key_is_refused_by_name(string key)
    {
        PersonalDataOptions.Validate(new PersonalDataOptions { LookupKey = key })
            .ShouldHaveSingleItem().ShouldStartWith("PersonalData:LookupKey");
    }
}
