import { DEMO_HOMES, expectNoSeriousA11yViolations, signInThroughForm } from './helpers';
import { expect, test } from './fixtures';

test('the sign-in page is accessible', async ({ page }) => {
  await page.goto('/sign-in');
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await expect(page.getByLabel('Email')).toBeVisible();
  await expect(page.getByLabel('Password')).toBeVisible();
  await expect(page.getByLabel('Authentication code')).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});

for (const [local, home] of Object.entries(DEMO_HOMES)) {
  test(`${local} signs in and lands on their home`, async ({ page }) => {
    await signInThroughForm(page, local);
    await expect(page).toHaveURL(new RegExp(`${home}$`));
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
    await expectNoSeriousA11yViolations(page);
  });
}

test('a wrong password shows a clear error and keeps the email', async ({ page }) => {
  await signInThroughForm(page, 'colleague', 'not-the-password');
  await expect(page.getByRole('alert').filter({ hasText: 'don’t match an active account' })).toBeVisible();
  await expect(page.getByLabel('Email')).toHaveValue('colleague@demo.vigil');
  await expect(page).toHaveURL(/\/sign-in/);
});

test('a manager without an authentication code is asked for one', async ({ page }) => {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill('manager@demo.vigil');
  await page.getByLabel('Password').fill('vigil-demo');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert').filter({ hasText: '6-digit authentication code' })).toBeVisible();
});

test('signing out ends the session', async ({ page }) => {
  await signInThroughForm(page, 'colleague');
  await expect(page).toHaveURL(/\/report$/);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByText('You have signed out.')).toBeVisible();
  await page.goto('/report');
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Freport/);
});

test('after sign-in a visitor returns to the page they asked for', async ({ page }) => {
  await page.goto(`/stores/MCR01`);
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fstores%2FMCR01/);
  await page.getByLabel('Email').fill('security@demo.vigil');
  await page.getByLabel('Password').fill('vigil-demo');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/stores\/MCR01$/);
});
