using SkillsAcademy.Domain.Catalog;

namespace SkillsAcademy.UnitTests.Domain.Catalog;

public sealed class SkillLevelTests
{
    [Theory]
    [InlineData(SkillLevel.Level5, 5)]
    [InlineData(SkillLevel.Level4, 4)]
    [InlineData(SkillLevel.Level3, 3)]
    [InlineData(SkillLevel.Level2, 2)]
    [InlineData(SkillLevel.Level1, 1)]
    public void Each_level_has_its_official_number(SkillLevel level, int number)
    {
        ((int)level).ShouldBe(number);
    }

    [Fact]
    public void There_are_exactly_five_levels()
    {
        Enum.GetValues<SkillLevel>().Length.ShouldBe(5);
    }
}
