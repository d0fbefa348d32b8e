using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SkillsAcademy.Domain.Learning;
using SkillsAcademy.Infrastructure.Identity;

namespace SkillsAcademy.Infrastructure.Persistence.Configurations;

internal sealed class LearningEventConfiguration : IEntityTypeConfiguration<LearningEvent>
{
    public void Configure(EntityTypeBuilder<LearningEvent> builder)
    {
        builder.ToTable("LearningEvents");
        // (learner, sequence) is the chain's position: two appends racing for the same place cannot both land.
        builder.HasKey(e => new { e.LearnerId, e.Sequence });
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(40);
        builder.Property(e => e.PreviousHash).HasMaxLength(64).IsFixedLength().IsRequired();
        builder.Property(e => e.Hash).HasMaxLength(64).IsFixedLength().IsRequired();
        builder.Property(e => e.Data)
            .HasConversion(
                data => JsonSerializer.Serialize(data.OrderBy(p => p.Key, StringComparer.Ordinal).ToDictionary(), (JsonSerializerOptions?)null),
                json => JsonSerializer.Deserialize<Dictionary<string, string>>(json, (JsonSerializerOptions?)null)!,
                new ValueComparer<IReadOnlyDictionary<string, string>>(
                    (a, b) => a!.Count == b!.Count && !a.Except(b).Any(),
                    d => d.Aggregate(0, (hash, p) => HashCode.Combine(hash, p.Key, p.Value)),
                    d => d.ToDictionary()))
            .IsRequired();
        builder.HasIndex(e => new { e.Kind, e.OccurredAt });
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(e => e.LearnerId).OnDelete(DeleteBehavior.Restrict);
    }
}
