using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SkillsAcademy.Domain.Certificates;
using SkillsAcademy.Domain.Learning;
using SkillsAcademy.Infrastructure.Identity;

namespace SkillsAcademy.Infrastructure.Persistence.Configurations;

internal sealed class CertificateConfiguration : IEntityTypeConfiguration<Certificate>
{
    public void Configure(EntityTypeBuilder<Certificate> builder)
    {
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Serial).HasMaxLength(30).IsRequired();
        builder.Property(c => c.Issuer).HasMaxLength(10).IsRequired();
        builder.Property(c => c.VerificationCode).HasMaxLength(VerificationCode.Length).IsFixedLength().IsRequired();
        builder.Property(c => c.LearnerName).HasMaxLength(Certificate.MaxTextLength).IsRequired();
        builder.Property(c => c.IdNumberMasked).HasMaxLength(20).IsRequired();
        builder.Property(c => c.CourseTitle).HasMaxLength(Certificate.MaxTextLength).IsRequired();
        builder.Property(c => c.OccupationName).HasMaxLength(Certificate.MaxTextLength).IsRequired();
        builder.Property(c => c.OccupationCode).HasMaxLength(20).IsRequired();
        builder.Property(c => c.CreditHours).HasPrecision(9, 2);
        builder.Property(c => c.RevocationReason).HasMaxLength(Certificate.MaxReasonLength);
        builder.Ignore(c => c.IsRevoked);
        builder.Ignore(c => c.MaskedLearnerName);
        builder.HasIndex(c => c.Serial).IsUnique();
        builder.HasIndex(c => new { c.Issuer, c.Year, c.Sequence }).IsUnique();
        builder.HasIndex(c => c.EnrolmentId).IsUnique();
        builder.HasIndex(c => new { c.CourseId, c.IssuedAt });
        builder.HasIndex(c => c.LearnerId);
        builder.HasIndex(c => c.IssuedAt);
        builder.HasOne<Enrolment>().WithMany().HasForeignKey(c => c.EnrolmentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(c => c.LearnerId).OnDelete(DeleteBehavior.Restrict);
    }
}
