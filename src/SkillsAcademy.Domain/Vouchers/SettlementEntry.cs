namespace SkillsAcademy.Domain.Vouchers;

/// <summary>
/// One line of the settlement ledger (结算台账): what the funder owes a course provider for one redeemed voucher.
/// Written in the redemption's transaction, never changed; one per voucher (unique), so sums cannot double.
/// The provider is the course's owning instructor, or the federation itself for courses it imported; the name
/// is copied at redemption so a later rename does not rewrite a closed month.
/// </summary>
public sealed class SettlementEntry
{
    public const int MaxProviderNameLength = 100;

    private SettlementEntry()
    {
        ProviderName = "";
        Month = "";
    }

    public SettlementEntry(int batchId, int voucherId, int courseId, Guid? providerId, string providerName, decimal amount, string month, DateTimeOffset recordedAt)
    {
        BatchId = batchId;
        VoucherId = voucherId;
        CourseId = courseId;
        ProviderId = providerId;
        ProviderName = providerName;
        Amount = amount;
        Month = month;
        RecordedAt = recordedAt;
    }

    public long Id { get; private set; }

    public int BatchId { get; private set; }

    public int VoucherId { get; private set; }

    public int CourseId { get; private set; }

    /// <summary>The owning instructor's account; null when the federation provides the course.</summary>
    public Guid? ProviderId { get; private set; }

    public string ProviderName { get; private set; }

    /// <summary>The batch's face value at redemption, CNY.</summary>
    public decimal Amount { get; private set; }

    /// <summary>Settlement month in the platform calendar, "yyyy-MM".</summary>
    public string Month { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }

    public static string MonthOf(DateOnly day) => day.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
}
