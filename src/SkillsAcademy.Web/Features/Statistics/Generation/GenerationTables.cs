using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Metadata;
using SkillsAcademy.Domain.Assessment;
using SkillsAcademy.Domain.Certificates;
using SkillsAcademy.Domain.Learning;
using SkillsAcademy.Domain.People;
using SkillsAcademy.Domain.Vouchers;
using SkillsAcademy.Infrastructure.Identity;

namespace SkillsAcademy.Web.Features.Statistics.Generation;

/// <summary>The prepared INSERTs of a run; column lists name EF properties, in the order rows give their values.</summary>
internal sealed class GenerationTables : IDisposable
{
    public GenerationTables(IModel model, SqliteConnection connection)
    {
        Enterprises = BulkTable.Create<Enterprise>(model, connection, nameof(Enterprise.Id), nameof(Enterprise.Name), nameof(Enterprise.RegionCode));
        Users = BulkTable.Create<ApplicationUser>(model, connection,
            nameof(ApplicationUser.Id), nameof(ApplicationUser.DisplayName), nameof(ApplicationUser.MobileLookupHash),
            nameof(ApplicationUser.MobileNumberProtected), nameof(ApplicationUser.MobileNumberMasked), nameof(ApplicationUser.CreatedAt),
            nameof(ApplicationUser.UserName), nameof(ApplicationUser.NormalizedUserName), nameof(ApplicationUser.EmailConfirmed),
            nameof(ApplicationUser.PasswordHash), nameof(ApplicationUser.SecurityStamp), nameof(ApplicationUser.ConcurrencyStamp),
            nameof(ApplicationUser.PhoneNumberConfirmed), nameof(ApplicationUser.TwoFactorEnabled), nameof(ApplicationUser.LockoutEnabled),
            nameof(ApplicationUser.AccessFailedCount));
        UserRoles = BulkTable.Create<IdentityUserRole<Guid>>(model, connection, nameof(IdentityUserRole<Guid>.UserId), nameof(IdentityUserRole<Guid>.RoleId));
        Profiles = BulkTable.Create<LearnerProfile>(model, connection,
            nameof(LearnerProfile.UserId), nameof(LearnerProfile.RealName), nameof(LearnerProfile.IdNumberProtected),
            nameof(LearnerProfile.IdNumberHash), nameof(LearnerProfile.IdNumberMasked), nameof(LearnerProfile.EnterpriseId),
            nameof(LearnerProfile.RegionCode), nameof(LearnerProfile.UnionMember), nameof(LearnerProfile.UpdatedAt));
        Enrolments = BulkTable.Create<Enrolment>(model, connection,
            nameof(Enrolment.Id), nameof(Enrolment.LearnerId), nameof(Enrolment.CourseId), nameof(Enrolment.CourseVersionId),
            nameof(Enrolment.EnrolledAt), nameof(Enrolment.CompletedAt));
        Events = BulkTable.Create<LearningEvent>(model, connection,
            nameof(LearningEvent.LearnerId), nameof(LearningEvent.Sequence), nameof(LearningEvent.Kind), nameof(LearningEvent.OccurredAt),
            nameof(LearningEvent.Data), nameof(LearningEvent.PreviousHash), nameof(LearningEvent.Hash));
        LessonProgress = BulkTable.Create<LessonProgress>(model, connection,
            nameof(Domain.Learning.LessonProgress.LearnerId), nameof(Domain.Learning.LessonProgress.LessonKey), nameof(Domain.Learning.LessonProgress.CourseId),
            nameof(Domain.Learning.LessonProgress.LastReportAt), nameof(Domain.Learning.LessonProgress.CreditedMilliseconds),
            nameof(Domain.Learning.LessonProgress.SegmentCount), nameof(Domain.Learning.LessonProgress.OpenSegmentMilliseconds),
            nameof(Domain.Learning.LessonProgress.FurthestPositionSeconds), nameof(Domain.Learning.LessonProgress.CompletedAt),
            nameof(Domain.Learning.LessonProgress.Revision));
        CheckIns = BulkTable.Create<CheckIn>(model, connection, nameof(CheckIn.LearnerId), nameof(CheckIn.Day), nameof(CheckIn.CheckedInAt));
        Attempts = BulkTable.Create<QuizAttempt>(model, connection,
            nameof(QuizAttempt.Id), nameof(QuizAttempt.LearnerId), nameof(QuizAttempt.CourseId), nameof(QuizAttempt.CourseVersionId),
            nameof(QuizAttempt.QuizKey), nameof(QuizAttempt.Number), nameof(QuizAttempt.StartedAt), nameof(QuizAttempt.DeadlineAt),
            nameof(QuizAttempt.ClosedAt), nameof(QuizAttempt.Status), nameof(QuizAttempt.CorrectCount), nameof(QuizAttempt.ScorePercent),
            nameof(QuizAttempt.Passed));
        AttemptItems = BulkTable.Create<AttemptItem>(model, connection,
            nameof(AttemptItem.AttemptId), nameof(AttemptItem.Position), nameof(AttemptItem.QuestionKey), nameof(AttemptItem.QuestionId),
            nameof(AttemptItem.OptionOrder), nameof(AttemptItem.Chosen), nameof(AttemptItem.Correct));
        Certificates = BulkTable.Create<Certificate>(model, connection,
            nameof(Certificate.Id), nameof(Certificate.Serial), nameof(Certificate.Issuer), nameof(Certificate.Year), nameof(Certificate.Sequence),
            nameof(Certificate.VerificationCode), nameof(Certificate.EnrolmentId), nameof(Certificate.LearnerId), nameof(Certificate.CourseId),
            nameof(Certificate.LearnerName), nameof(Certificate.IdNumberMasked), nameof(Certificate.CourseTitle), nameof(Certificate.OccupationName),
            nameof(Certificate.OccupationCode), nameof(Certificate.SkillLevel), nameof(Certificate.CreditHours), nameof(Certificate.CompletedAt),
            nameof(Certificate.IssuedAt));
        Vouchers = BulkTable.Create<Voucher>(model, connection,
            nameof(Voucher.Id), nameof(Voucher.BatchId), nameof(Voucher.Code), nameof(Voucher.Status), nameof(Voucher.LearnerId),
            nameof(Voucher.AssignedAt), nameof(Voucher.LastRefusal), nameof(Voucher.EnrolmentId), nameof(Voucher.RedeemedAt));
        Redemptions = BulkTable.Create<RedemptionRequest>(model, connection,
            nameof(RedemptionRequest.Id), nameof(RedemptionRequest.IdempotencyKey), nameof(RedemptionRequest.VoucherId),
            nameof(RedemptionRequest.LearnerId), nameof(RedemptionRequest.CourseId), nameof(RedemptionRequest.Status),
            nameof(RedemptionRequest.Refusal), nameof(RedemptionRequest.RequestedAt), nameof(RedemptionRequest.DecidedAt));
        Settlements = BulkTable.Create<SettlementEntry>(model, connection,
            nameof(SettlementEntry.Id), nameof(SettlementEntry.BatchId), nameof(SettlementEntry.VoucherId), nameof(SettlementEntry.CourseId),
            nameof(SettlementEntry.ProviderId), nameof(SettlementEntry.ProviderName), nameof(SettlementEntry.Amount),
            nameof(SettlementEntry.Month), nameof(SettlementEntry.RecordedAt));
        All = [Enterprises, Users, UserRoles, Profiles, Enrolments, Events, LessonProgress, CheckIns, Attempts, AttemptItems, Certificates, Vouchers, Redemptions, Settlements];
    }

    public BulkTable Enterprises { get; }

    public BulkTable Users { get; }

    public BulkTable UserRoles { get; }

    public BulkTable Profiles { get; }

    public BulkTable Enrolments { get; }

    public BulkTable Events { get; }

    public BulkTable LessonProgress { get; }

    public BulkTable CheckIns { get; }

    public BulkTable Attempts { get; }

    public BulkTable AttemptItems { get; }

    public BulkTable Certificates { get; }

    public BulkTable Vouchers { get; }

    public BulkTable Redemptions { get; }

    public BulkTable Settlements { get; }

    public IReadOnlyList<BulkTable> All { get; }

    public void Dispose()
    {
        foreach (var table in All)
        {
            table.Dispose();
        }
    }
}
