#!/bin/sh
# Supervisor of the all-in-one image: starts MariaDB, creates the database and its user once,
# then runs the app. When either process stops, or on SIGTERM/SIGINT (tini forwards them), both
# are stopped and the container exits. Cloud Run's disk is ephemeral: see the README.
set -eu

DB_NAME=interview_coach
DB_USER=coach

mkdir -p /run/mysqld && chown mysql:mysql /run/mysqld
if [ ! -d /var/lib/mysql/mysql ]; then
  mariadb-install-db --user=mysql --datadir=/var/lib/mysql --skip-test-db >/dev/null
fi
mariadbd --user=mysql --bind-address=127.0.0.1 --port=3306 &
db_pid=$!

tries=0
until mariadb-admin --protocol=socket ping >/dev/null 2>&1; do
  tries=$((tries + 1))
  if [ "$tries" -gt 60 ] || ! kill -0 "$db_pid" 2>/dev/null; then
    echo "all-in-one: MariaDB did not start" >&2
    exit 1
  fi
  sleep 1
done
mariadb --protocol=socket -e "CREATE DATABASE IF NOT EXISTS $DB_NAME CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
  CREATE USER IF NOT EXISTS '$DB_USER'@'127.0.0.1';
  GRANT ALL PRIVILEGES ON $DB_NAME.* TO '$DB_USER'@'127.0.0.1';"

su -s /bin/sh coach -c "exec /app/server serve" &
app_pid=$!

stop() {
  kill -TERM "$app_pid" 2>/dev/null || true
  wait "$app_pid" 2>/dev/null || true
  kill -TERM "$db_pid" 2>/dev/null || true
  wait "$db_pid" 2>/dev/null || true
}
trap 'stop; exit 0' TERM INT

# Whichever stops first brings the other down.
while kill -0 "$app_pid" 2>/dev/null && kill -0 "$db_pid" 2>/dev/null; do
  sleep 1
done
stop
exit 1
