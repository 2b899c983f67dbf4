/** The password of the demo deployment's local staff and admin accounts. Demo only: change for real use. */
export const DEMO_PASSWORD = 'yinling-demo'
