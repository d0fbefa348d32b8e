namespace SkillsAcademy.Domain.Learning;

/// <param name="CreditedSeconds">Whole seconds this report adds to the lesson's credited time.</param>
/// <param name="Accepted">False when the report is not later than the previous accepted one; the state is then unchanged.</param>
/// <param name="StartedNewSegment">True for the first report and for the first report after a gap of more than 60 s.</param>
/// <param name="State">The state to keep for the next report.</param>
public sealed record StudyTimeCreditResult(int CreditedSeconds, bool Accepted, bool StartedNewSegment, StudyTimeState State);
