using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Uppsikt.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class IndicatorValueKind : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ValueKind",
                table: "Indicators",
                type: "character varying(40)",
                maxLength: 40,
                nullable: false,
                defaultValue: "Number");

            // An indicator measured in per cent is a share until someone says otherwise (decision 0041).
            migrationBuilder.Sql("UPDATE \"Indicators\" SET \"ValueKind\" = 'Share' WHERE TRIM(\"UnitOfMeasure\") = '%'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ValueKind",
                table: "Indicators");
        }
    }
}
