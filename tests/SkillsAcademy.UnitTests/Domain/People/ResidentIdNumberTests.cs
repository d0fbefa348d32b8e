using SkillsAcademy.Domain.People;

namespace SkillsAcademy.UnitTests.Domain.People;

public sealed class ResidentIdNumberTests
{
    private const string KnownValid = "11010519491231002X";
    private static readonly DateOnly _today = new(2026, 11, 24);

    // Independent of the production code: weight of position i (1-based) is 2^(18-i) mod 11 and the
    // check value c satisfies S + c ≡ 1 (mod 11), with X standing for 10.
    private static string WithCheckCharacter(string first17)
    {
        var sum = 0;
        for (var i = 1; i <= 17; i++)
        {
            var weight = (1 << (18 - i)) % 11;
            sum += (first17[i - 1] - '0') * weight;
        }

        var check = (12 - (sum % 11)) % 11;
        return first17 + (check == 10 ? "X" : check.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void The_independent_check_character_reproduces_the_published_example()
    {
        WithCheckCharacter(KnownValid[..17]).ShouldBe(KnownValid);
    }

    [Fact]
    public void The_published_example_is_valid_and_exposes_its_parts()
    {
        var ok = ResidentIdNumber.TryParse(KnownValid, _today, out var id, out var error);

        ok.ShouldBeTrue();
        error.ShouldBe(ResidentIdNumberError.None);
        id.ShouldNotBeNull();
        id.Value.ShouldBe(KnownValid);
        id.RegionCode.ShouldBe("110105");
        id.BirthDate.ShouldBe(new DateOnly(1949, 12, 31));
        id.Sex.ShouldBe(Sex.Female);
        id.Masked.ShouldBe("110***********002X");
    }

    [Theory]
    [InlineData("35010219850615123", 1985, 6, 15, Sex.Male)]
    [InlineData("35020019900101004", 1990, 1, 1, Sex.Female)]
    [InlineData("35050020000229731", 2000, 2, 29, Sex.Male)]
    [InlineData("44030519000101888", 1900, 1, 1, Sex.Female)]
    [InlineData("65010220261124009", 2026, 11, 24, Sex.Male)]
    [InlineData("82000019771031555", 1977, 10, 31, Sex.Male)]
    [InlineData("71000019660606002", 1966, 6, 6, Sex.Female)]
    public void Numbers_with_a_correct_check_character_are_valid(string first17, int year, int month, int day, Sex sex)
    {
        var number = WithCheckCharacter(first17);

        var id = ResidentIdNumber.Parse(number, _today);

        id.Value.ShouldBe(number);
        id.RegionCode.ShouldBe(first17[..6]);
        id.BirthDate.ShouldBe(new DateOnly(year, month, day));
        id.Sex.ShouldBe(sex);
    }

    [Fact]
    public void A_check_character_of_X_is_generated_and_accepted()
    {
        // Search a few sequence codes until one gives X, so the X path is exercised with a fresh number.
        var number = Enumerable.Range(0, 1000)
            .Select(n => WithCheckCharacter($"35010219850615{n:D3}"))
            .First(candidate => candidate.EndsWith('X'));

        ResidentIdNumber.TryParse(number, _today, out var id, out _).ShouldBeTrue();
        id!.Value.ShouldEndWith("X");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\u3000\t")]
    public void Missing_input_is_empty(string? input)
    {
        ResidentIdNumber.TryParse(input, _today, out var id, out var error).ShouldBeFalse();
        id.ShouldBeNull();
        error.ShouldBe(ResidentIdNumberError.Empty);
    }

    [Theory]
    [InlineData("110105194912310")] // 15-digit first-generation number
    [InlineData("11010519491231002")]
    [InlineData("11010519491231002X1")]
    [InlineData("X")]
    public void Input_that_is_not_18_characters_has_the_wrong_length(string input)
    {
        ResidentIdNumber.TryParse(input, _today, out _, out var error).ShouldBeFalse();
        error.ShouldBe(ResidentIdNumberError.WrongLength);
    }

    [Theory]
    [InlineData("11010519491231002Y")]
    [InlineData("1101051949123100X2")]
    [InlineData("A1010519491231002X")]
    [InlineData("11010519491231-02X")]
    [InlineData("１１０１０５１９４９１２３１００２Ｙ")]
    public void Letters_other_than_a_final_X_are_invalid_characters(string input)
    {
        ResidentIdNumber.TryParse(input, _today, out _, out var error).ShouldBeFalse();
        error.ShouldBe(ResidentIdNumberError.InvalidCharacters);
    }

    [Theory]
    [InlineData("00")]
    [InlineData("10")]
    [InlineData("16")]
    [InlineData("20")]
    [InlineData("24")]
    [InlineData("38")]
    [InlineData("47")]
    [InlineData("55")]
    [InlineData("66")]
    [InlineData("72")]
    [InlineData("83")]
    [InlineData("99")]
    public void A_region_outside_the_province_level_codes_is_unknown(string province)
    {
        var number = WithCheckCharacter(province + "010519491231002");

        ResidentIdNumber.TryParse(number, _today, out _, out var error).ShouldBeFalse();
        error.ShouldBe(ResidentIdNumberError.UnknownRegion);
    }

    [Fact]
    public void A_region_whose_six_digit_code_does_not_exist_is_accepted_when_its_province_does()
    {
        var number = WithCheckCharacter("35999919850615123");

        ResidentIdNumber.TryParse(number, _today, out var id, out _).ShouldBeTrue();
        id!.RegionCode.ShouldBe("359999");
    }

    [Theory]
    [InlineData("19490230")] // 30 February
    [InlineData("19491301")]
    [InlineData("19490100")]
    [InlineData("19000229")] // 1900 was not a leap year
    [InlineData("18991231")] // before 1900-01-01
    [InlineData("20261125")] // the day after today
    [InlineData("20270101")]
    [InlineData("00000000")]
    public void A_birth_date_that_is_not_a_real_past_date_is_invalid(string yyyyMMdd)
    {
        var number = WithCheckCharacter("110105" + yyyyMMdd + "002");

        ResidentIdNumber.TryParse(number, _today, out _, out var error).ShouldBeFalse();
        error.ShouldBe(ResidentIdNumberError.InvalidBirthDate);
    }

    [Fact]
    public void Whether_a_birth_date_is_in_the_future_depends_on_the_given_today()
    {
        var number = WithCheckCharacter("11010520261125002");

        ResidentIdNumber.TryParse(number, new DateOnly(2026, 11, 24), out _, out _).ShouldBeFalse();
        ResidentIdNumber.TryParse(number, new DateOnly(2026, 11, 25), out _, out _).ShouldBeTrue();
    }

    [Theory]
    [InlineData("110105194912310020")]
    [InlineData("110105194912310021")]
    [InlineData("110105194912310029")]
    [InlineData("11010519491231003X")] // one digit changed
    [InlineData("11010519491213002X")] // two digits swapped
    public void A_wrong_check_character_is_a_checksum_mismatch(string input)
    {
        ResidentIdNumber.TryParse(input, _today, out _, out var error).ShouldBeFalse();
        error.ShouldBe(ResidentIdNumberError.ChecksumMismatch);
    }

    [Theory]
    [InlineData("１１０１０５１９４９１２３１００２Ｘ")]
    [InlineData("１１０１０５１９４９１２３１００２ｘ")]
    [InlineData("11010519491231002x")]
    [InlineData("  11010519491231002X  ")]
    [InlineData("\t11010519491231002x\n")]
    [InlineData("110105 19491231 002X")]
    [InlineData("\u3000110105\u300019491231\u3000002Ｘ\u3000")]
    public void Input_is_normalised_before_it_is_checked(string input)
    {
        var id = ResidentIdNumber.Parse(input, _today);

        id.Value.ShouldBe(KnownValid);
        id.ShouldBe(ResidentIdNumber.Parse(KnownValid, _today));
    }

    [Fact]
    public void The_masked_form_keeps_the_first_3_and_last_4_characters_in_18()
    {
        var number = WithCheckCharacter("35010219850615123");

        var masked = ResidentIdNumber.Parse(number, _today).Masked;

        masked.Length.ShouldBe(18);
        masked.ShouldBe(number[..3] + "***********" + number[^4..]);
    }

    [Fact]
    public void ToString_and_interpolation_never_reveal_the_number()
    {
        var id = ResidentIdNumber.Parse(KnownValid, _today);

        id.ToString().ShouldBe("110***********002X");
        $"learner {id} registered".ShouldNotContain("19491231");
        string.Format(System.Globalization.CultureInfo.InvariantCulture, "{0}", id).ShouldNotContain(KnownValid);
    }

    [Fact]
    public void Parse_throws_a_format_exception_that_does_not_quote_the_input()
    {
        const string input = "11010519491231003X";

        var exception = Should.Throw<FormatException>(() => ResidentIdNumber.Parse(input, _today));

        exception.Message.ShouldContain(nameof(ResidentIdNumberError.ChecksumMismatch));
        exception.Message.ShouldNotContain(input);
    }

    [Fact]
    public void Numbers_are_equal_by_value()
    {
        var a = ResidentIdNumber.Parse(KnownValid, _today);
        var b = ResidentIdNumber.Parse("11010519491231002x", _today);
        var c = ResidentIdNumber.Parse(WithCheckCharacter("35010219850615123"), _today);

        (a == b).ShouldBeTrue();
        a.GetHashCode().ShouldBe(b.GetHashCode());
        (a != c).ShouldBeTrue();
        a.Equals(null).ShouldBeFalse();
    }

    [Fact]
    public void The_check_character_is_computed_from_17_digits_only()
    {
        ResidentIdNumber.ComputeCheckCharacter("11010519491231002").ShouldBe('X');
        Should.Throw<ArgumentException>(() => ResidentIdNumber.ComputeCheckCharacter("1101051949123100"));
        Should.Throw<ArgumentException>(() => ResidentIdNumber.ComputeCheckCharacter("1101051949123100A"));
    }
}
