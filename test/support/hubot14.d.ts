// Hubot 14 ships no type declarations; the test harness uses it untyped.
declare module 'hubot14'
