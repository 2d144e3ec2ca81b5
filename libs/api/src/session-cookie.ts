/** The session cookie's name; HttpOnly and SameSite=Lax are set where it is written (apps/api). */
export const SESSION_COOKIE = 'dd_session';
