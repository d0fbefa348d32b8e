using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SkillsAcademy.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class StudySessionCredit : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "CreditedUntil",
                table: "StudySessions",
                type: "datetimeoffset",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "CreditedUntil",
                table: "StudySessions");
        }
    }
}
