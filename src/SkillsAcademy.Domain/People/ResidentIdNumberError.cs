namespace SkillsAcademy.Domain.People;

public enum ResidentIdNumberError
{
    None = 0,
    Empty,
    WrongLength,
    InvalidCharacters,
    UnknownRegion,
    InvalidBirthDate,
    ChecksumMismatch,
}
