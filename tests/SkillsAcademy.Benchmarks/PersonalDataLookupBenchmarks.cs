using System.Security.Cryptography;
using System.Text;
using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using SkillsAcademy.Domain.People;
using SkillsAcademy.Infrastructure.PersonalData;

namespace SkillsAcademy.Benchmarks;

/// <summary>
/// What finding an account by mobile number costs (normalise, validate, keyed hash) against the bare
/// HMAC-SHA256 it is built on: log-in and registration pay this on every request.
/// </summary>
[MemoryDiagnoser]
public class PersonalDataLookupBenchmarks
{
    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);
    private PersonalDataProtector _protector = default!;

    [GlobalSetup]
    public void Setup() =>
        _protector = new PersonalDataProtector(
            new EphemeralDataProtectionProvider(),
            Options.Create(new PersonalDataOptions { LookupKey = Convert.ToBase64String(_key) }));

    [Benchmark(Baseline = true)]
    public byte[] RawHmacSha256() => HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes("MobileNumber:13800138000"));

    [Benchmark]
    public string MobileNumberLookupHash()
    {
        MobileNumber.TryParse(" 138 0013 8000 ", out var mobile);
        return _protector.LookupHash(PersonalDataKind.MobileNumber, mobile!.Value);
    }

    [Benchmark]
    public string ProtectMobileNumber() => _protector.Protect("13800138000");
}
