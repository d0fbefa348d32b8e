using System.Globalization;
using Bogus;
using SkillsAcademy.Domain.People;

namespace SkillsAcademy.Web.Features.Statistics.Generation;

/// <summary>Names, resident ID numbers, mobile numbers and company names that look real (Bogus, zh_CN) but are made up.</summary>
internal sealed class DemoPeople(Faker faker)
{
    private static readonly string[] _mobilePrefixes =
    [
        "130", "131", "132", "133", "135", "136", "137", "138", "139", "150", "151", "152", "153", "155", "156", "157",
        "158", "159", "166", "173", "175", "176", "177", "178", "180", "181", "182", "183", "185", "186", "187", "188",
        "189", "191", "198", "199",
    ];

    // Workers born elsewhere: county codes of the provinces many of Fujian's industrial workers come from.
    private static readonly string[] _migrantAreaCodes =
    [
        "360121", "360281", "360732", "361127", "362426", "420117", "421182", "430124", "430521", "431023",
        "500236", "510623", "511321", "512022", "522121", "522401", "411522", "412726", "341221", "342422",
    ];

    private static readonly string[] _brandWords =
    [
        "宏达", "鑫源", "华兴", "闽江", "海峡", "恒信", "永丰", "金鼎", "长盛", "瑞祥", "东方", "正泰", "福联", "嘉禾", "盛世",
        "天宇", "新华", "汇通", "信达", "锦程", "明辉", "安泰", "宝利", "博远", "创新", "大禹", "鼎盛", "丰源", "冠达", "海天",
        "恒通", "鸿运", "华宇", "佳和", "金龙", "凯达", "力拓", "隆鑫", "美达", "南方", "鹏程", "启航", "融信", "三和", "盛达",
        "泰和", "通达", "万隆", "伟业", "祥和", "兴业", "亚泰", "耀华", "裕丰", "远航", "振华", "致远", "中联", "卓越", "紫金",
    ];

    private static readonly string[] _industries =
    [
        "机械制造", "精密模具", "汽车配件", "电子科技", "建筑工程", "船舶修造", "纺织服装", "鞋业", "食品", "化工",
        "钢结构", "电力设备", "石材", "家具", "五金制品", "阀门", "电机", "包装材料", "新材料", "智能装备",
        "工程机械", "轨道交通设备", "光电科技", "塑胶制品", "不锈钢制品",
    ];

    private static readonly string[] _companySuffixes = ["有限公司", "有限公司", "有限公司", "股份有限公司", "集团有限公司"];

    /// <summary>A Chinese full name: family name, then given name.</summary>
    public string RealName()
    {
        var name = faker.Name.LastName() + faker.Name.FirstName();
        return name.Length <= LearnerProfile.MaxRealNameLength ? name : name[..LearnerProfile.MaxRealNameLength];
    }

    /// <summary>A valid 18-character number (GB 11643) for the area code, birth date and sex.</summary>
    public static string IdNumber(string areaCode, DateOnly birthDate, bool male, int serial)
    {
        // The 17th digit is odd for men and even for women.
        var order = (serial % 50) * 2 + (male ? 1 : 0);
        var body = string.Create(CultureInfo.InvariantCulture, $"{areaCode}{birthDate:yyyyMMdd}{serial / 50 % 10}{order:D2}");
        return body + ResidentIdNumber.ComputeCheckCharacter(body);
    }

    /// <summary>The area code written in the ID number: usually where the learner works, otherwise a home province elsewhere.</summary>
    public string IdAreaCode(string workRegionCode) =>
        faker.Random.Double() < 0.72 ? workRegionCode : faker.PickRandom(_migrantAreaCodes);

    /// <summary>Age 18–60, most between 25 and 45.</summary>
    public DateOnly BirthDate(DateOnly reference)
    {
        var age = Math.Clamp((int)Math.Round(faker.Random.Double(18, 45) * 0.6 + faker.Random.Double(18, 60) * 0.4), 18, 60);
        return reference.AddYears(-age).AddDays(-faker.Random.Int(0, 364));
    }

    public string MobileNumber() =>
        faker.PickRandom(_mobilePrefixes) + faker.Random.Int(0, 99_999_999).ToString("D8", CultureInfo.InvariantCulture);

    public string CompanyName(string placeShortName) =>
        placeShortName + faker.PickRandom(_brandWords) + faker.PickRandom(_industries) + faker.PickRandom(_companySuffixes);
}
