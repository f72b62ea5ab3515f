using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Floke.Web.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SqliteDecimalsAsTenThousandths : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<long>(
                name: "Value",
                table: "Measurements",
                type: "INTEGER",
                precision: 18,
                scale: 4,
                nullable: true,
                oldClrType: typeof(decimal),
                oldType: "TEXT",
                oldPrecision: 18,
                oldScale: 4,
                oldNullable: true);

            migrationBuilder.AlterColumn<long>(
                name: "RealisedDelta",
                table: "Measurements",
                type: "INTEGER",
                precision: 18,
                scale: 4,
                nullable: true,
                oldClrType: typeof(decimal),
                oldType: "TEXT",
                oldPrecision: 18,
                oldScale: 4,
                oldNullable: true);

            migrationBuilder.AlterColumn<long>(
                name: "PersonHours",
                table: "Investments",
                type: "INTEGER",
                precision: 18,
                scale: 2,
                nullable: true,
                oldClrType: typeof(decimal),
                oldType: "TEXT",
                oldPrecision: 18,
                oldScale: 2,
                oldNullable: true);

            migrationBuilder.AlterColumn<long>(
                name: "AmountNok",
                table: "Investments",
                type: "INTEGER",
                precision: 18,
                scale: 2,
                nullable: true,
                oldClrType: typeof(decimal),
                oldType: "TEXT",
                oldPrecision: 18,
                oldScale: 2,
                oldNullable: true);

            migrationBuilder.AlterColumn<long>(
                name: "BudgetNok",
                table: "Initiatives",
                type: "INTEGER",
                precision: 18,
                scale: 2,
                nullable: true,
                oldClrType: typeof(decimal),
                oldType: "TEXT",
                oldPrecision: 18,
                oldScale: 2,
                oldNullable: true);

            migrationBuilder.AlterColumn<long>(
                name: "Target",
                table: "ExperimentMetrics",
                type: "INTEGER",
                precision: 18,
                scale: 4,
                nullable: true,
                oldClrType: typeof(decimal),
                oldType: "TEXT",
                oldPrecision: 18,
                oldScale: 4,
                oldNullable: true);

            migrationBuilder.AlterColumn<long>(
                name: "Result",
                table: "ExperimentMetrics",
                type: "INTEGER",
                precision: 18,
                scale: 4,
                nullable: true,
                oldClrType: typeof(decimal),
                oldType: "TEXT",
                oldPrecision: 18,
                oldScale: 4,
                oldNullable: true);

            migrationBuilder.AlterColumn<long>(
                name: "Baseline",
                table: "ExperimentMetrics",
                type: "INTEGER",
                precision: 18,
                scale: 4,
                nullable: true,
                oldClrType: typeof(decimal),
                oldType: "TEXT",
                oldPrecision: 18,
                oldScale: 4,
                oldNullable: true);

            migrationBuilder.AlterColumn<long>(
                name: "TargetValue",
                table: "Benefits",
                type: "INTEGER",
                precision: 18,
                scale: 4,
                nullable: true,
                oldClrType: typeof(decimal),
                oldType: "TEXT",
                oldPrecision: 18,
                oldScale: 4,
                oldNullable: true);

            migrationBuilder.AlterColumn<long>(
                name: "RealisedValue",
                table: "Benefits",
                type: "INTEGER",
                precision: 18,
                scale: 4,
                nullable: true,
                oldClrType: typeof(decimal),
                oldType: "TEXT",
                oldPrecision: 18,
                oldScale: 4,
                oldNullable: true);

            migrationBuilder.AlterColumn<long>(
                name: "LatestValue",
                table: "Benefits",
                type: "INTEGER",
                precision: 18,
                scale: 4,
                nullable: true,
                oldClrType: typeof(decimal),
                oldType: "TEXT",
                oldPrecision: 18,
                oldScale: 4,
                oldNullable: true);

            migrationBuilder.AlterColumn<long>(
                name: "BaselineValue",
                table: "Benefits",
                type: "INTEGER",
                precision: 18,
                scale: 4,
                nullable: true,
                oldClrType: typeof(decimal),
                oldType: "TEXT",
                oldPrecision: 18,
                oldScale: 4,
                oldNullable: true);

            // The rebuilt tables hold the old text amounts as numbers; turn them into whole ten-thousandths.
            migrationBuilder.Sql("UPDATE \"Measurements\" SET \"Value\" = CAST(ROUND(\"Value\" * 10000) AS INTEGER) WHERE \"Value\" IS NOT NULL;");
            migrationBuilder.Sql("UPDATE \"Measurements\" SET \"RealisedDelta\" = CAST(ROUND(\"RealisedDelta\" * 10000) AS INTEGER) WHERE \"RealisedDelta\" IS NOT NULL;");
            migrationBuilder.Sql("UPDATE \"Investments\" SET \"PersonHours\" = CAST(ROUND(\"PersonHours\" * 10000) AS INTEGER) WHERE \"PersonHours\" IS NOT NULL;");
            migrationBuilder.Sql("UPDATE \"Investments\" SET \"AmountNok\" = CAST(ROUND(\"AmountNok\" * 10000) AS INTEGER) WHERE \"AmountNok\" IS NOT NULL;");
            migrationBuilder.Sql("UPDATE \"Initiatives\" SET \"BudgetNok\" = CAST(ROUND(\"BudgetNok\" * 10000) AS INTEGER) WHERE \"BudgetNok\" IS NOT NULL;");
            migrationBuilder.Sql("UPDATE \"ExperimentMetrics\" SET \"Target\" = CAST(ROUND(\"Target\" * 10000) AS INTEGER) WHERE \"Target\" IS NOT NULL;");
            migrationBuilder.Sql("UPDATE \"ExperimentMetrics\" SET \"Result\" = CAST(ROUND(\"Result\" * 10000) AS INTEGER) WHERE \"Result\" IS NOT NULL;");
            migrationBuilder.Sql("UPDATE \"ExperimentMetrics\" SET \"Baseline\" = CAST(ROUND(\"Baseline\" * 10000) AS INTEGER) WHERE \"Baseline\" IS NOT NULL;");
            migrationBuilder.Sql("UPDATE \"Benefits\" SET \"TargetValue\" = CAST(ROUND(\"TargetValue\" * 10000) AS INTEGER) WHERE \"TargetValue\" IS NOT NULL;");
            migrationBuilder.Sql("UPDATE \"Benefits\" SET \"RealisedValue\" = CAST(ROUND(\"RealisedValue\" * 10000) AS INTEGER) WHERE \"RealisedValue\" IS NOT NULL;");
            migrationBuilder.Sql("UPDATE \"Benefits\" SET \"LatestValue\" = CAST(ROUND(\"LatestValue\" * 10000) AS INTEGER) WHERE \"LatestValue\" IS NOT NULL;");
            migrationBuilder.Sql("UPDATE \"Benefits\" SET \"BaselineValue\" = CAST(ROUND(\"BaselineValue\" * 10000) AS INTEGER) WHERE \"BaselineValue\" IS NOT NULL;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("UPDATE \"Measurements\" SET \"Value\" = CAST(\"Value\" AS REAL) / 10000 WHERE \"Value\" IS NOT NULL;");
            migrationBuilder.Sql("UPDATE \"Measurements\" SET \"RealisedDelta\" = CAST(\"RealisedDelta\" AS REAL) / 10000 WHERE \"RealisedDelta\" IS NOT NULL;");
            migrationBuilder.Sql("UPDATE \"Investments\" SET \"PersonHours\" = CAST(\"PersonHours\" AS REAL) / 10000 WHERE \"PersonHours\" IS NOT NULL;");
            migrationBuilder.Sql("UPDATE \"Investments\" SET \"AmountNok\" = CAST(\"AmountNok\" AS REAL) / 10000 WHERE \"AmountNok\" IS NOT NULL;");
            migrationBuilder.Sql("UPDATE \"Initiatives\" SET \"BudgetNok\" = CAST(\"BudgetNok\" AS REAL) / 10000 WHERE \"BudgetNok\" IS NOT NULL;");
            migrationBuilder.Sql("UPDATE \"ExperimentMetrics\" SET \"Target\" = CAST(\"Target\" AS REAL) / 10000 WHERE \"Target\" IS NOT NULL;");
            migrationBuilder.Sql("UPDATE \"ExperimentMetrics\" SET \"Result\" = CAST(\"Result\" AS REAL) / 10000 WHERE \"Result\" IS NOT NULL;");
            migrationBuilder.Sql("UPDATE \"ExperimentMetrics\" SET \"Baseline\" = CAST(\"Baseline\" AS REAL) / 10000 WHERE \"Baseline\" IS NOT NULL;");
            migrationBuilder.Sql("UPDATE \"Benefits\" SET \"TargetValue\" = CAST(\"TargetValue\" AS REAL) / 10000 WHERE \"TargetValue\" IS NOT NULL;");
            migrationBuilder.Sql("UPDATE \"Benefits\" SET \"RealisedValue\" = CAST(\"RealisedValue\" AS REAL) / 10000 WHERE \"RealisedValue\" IS NOT NULL;");
            migrationBuilder.Sql("UPDATE \"Benefits\" SET \"LatestValue\" = CAST(\"LatestValue\" AS REAL) / 10000 WHERE \"LatestValue\" IS NOT NULL;");
            migrationBuilder.Sql("UPDATE \"Benefits\" SET \"BaselineValue\" = CAST(\"BaselineValue\" AS REAL) / 10000 WHERE \"BaselineValue\" IS NOT NULL;");

            migrationBuilder.AlterColumn<decimal>(
                name: "Value",
                table: "Measurements",
                type: "TEXT",
                precision: 18,
                scale: 4,
                nullable: true,
                oldClrType: typeof(long),
                oldType: "INTEGER",
                oldPrecision: 18,
                oldScale: 4,
                oldNullable: true);

            migrationBuilder.AlterColumn<decimal>(
                name: "RealisedDelta",
                table: "Measurements",
                type: "TEXT",
                precision: 18,
                scale: 4,
                nullable: true,
                oldClrType: typeof(long),
                oldType: "INTEGER",
                oldPrecision: 18,
                oldScale: 4,
                oldNullable: true);

            migrationBuilder.AlterColumn<decimal>(
                name: "PersonHours",
                table: "Investments",
                type: "TEXT",
                precision: 18,
                scale: 2,
                nullable: true,
                oldClrType: typeof(long),
                oldType: "INTEGER",
                oldPrecision: 18,
                oldScale: 2,
                oldNullable: true);

            migrationBuilder.AlterColumn<decimal>(
                name: "AmountNok",
                table: "Investments",
                type: "TEXT",
                precision: 18,
                scale: 2,
                nullable: true,
                oldClrType: typeof(long),
                oldType: "INTEGER",
                oldPrecision: 18,
                oldScale: 2,
                oldNullable: true);

            migrationBuilder.AlterColumn<decimal>(
                name: "BudgetNok",
                table: "Initiatives",
                type: "TEXT",
                precision: 18,
                scale: 2,
                nullable: true,
                oldClrType: typeof(long),
                oldType: "INTEGER",
                oldPrecision: 18,
                oldScale: 2,
                oldNullable: true);

            migrationBuilder.AlterColumn<decimal>(
                name: "Target",
                table: "ExperimentMetrics",
                type: "TEXT",
                precision: 18,
                scale: 4,
                nullable: true,
                oldClrType: typeof(long),
                oldType: "INTEGER",
                oldPrecision: 18,
                oldScale: 4,
                oldNullable: true);

            migrationBuilder.AlterColumn<decimal>(
                name: "Result",
                table: "ExperimentMetrics",
                type: "TEXT",
                precision: 18,
                scale: 4,
                nullable: true,
                oldClrType: typeof(long),
                oldType: "INTEGER",
                oldPrecision: 18,
                oldScale: 4,
                oldNullable: true);

            migrationBuilder.AlterColumn<decimal>(
                name: "Baseline",
                table: "ExperimentMetrics",
                type: "TEXT",
                precision: 18,
                scale: 4,
                nullable: true,
                oldClrType: typeof(long),
                oldType: "INTEGER",
                oldPrecision: 18,
                oldScale: 4,
                oldNullable: true);

            migrationBuilder.AlterColumn<decimal>(
                name: "TargetValue",
                table: "Benefits",
                type: "TEXT",
                precision: 18,
                scale: 4,
                nullable: true,
                oldClrType: typeof(long),
                oldType: "INTEGER",
                oldPrecision: 18,
                oldScale: 4,
                oldNullable: true);

            migrationBuilder.AlterColumn<decimal>(
                name: "RealisedValue",
                table: "Benefits",
                type: "TEXT",
                precision: 18,
                scale: 4,
                nullable: true,
                oldClrType: typeof(long),
                oldType: "INTEGER",
                oldPrecision: 18,
                oldScale: 4,
                oldNullable: true);

            migrationBuilder.AlterColumn<decimal>(
                name: "LatestValue",
                table: "Benefits",
                type: "TEXT",
                precision: 18,
                scale: 4,
                nullable: true,
                oldClrType: typeof(long),
                oldType: "INTEGER",
                oldPrecision: 18,
                oldScale: 4,
                oldNullable: true);

            migrationBuilder.AlterColumn<decimal>(
                name: "BaselineValue",
                table: "Benefits",
                type: "TEXT",
                precision: 18,
                scale: 4,
                nullable: true,
                oldClrType: typeof(long),
                oldType: "INTEGER",
                oldPrecision: 18,
                oldScale: 4,
                oldNullable: true);
        }
    }
}
